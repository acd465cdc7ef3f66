using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Pages.Data.Migrations;

[DbContext(typeof(PagesDb))]
[Migration("20261121000000_CreatePages")]
public sealed class CreatePages : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(PagesDb.Schema);
        m.CreateTable("pages", schema: PagesDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            slug = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            title = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            body = t.Column<string>("text", nullable: false),
            show_in_menu = t.Column<bool>("boolean", nullable: false),
            sort_order = t.Column<int>("integer", nullable: false),
            updated_utc = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_pages", x => x.id));
        m.CreateIndex("IX_pages_slug", "pages", "slug", PagesDb.Schema, unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("pages", PagesDb.Schema);
}

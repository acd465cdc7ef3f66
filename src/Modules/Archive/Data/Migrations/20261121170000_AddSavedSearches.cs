using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Archive.Data.Migrations;

[DbContext(typeof(ArchiveDb))]
[Migration("20261121170000_AddSavedSearches")]
public sealed class AddSavedSearches : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("saved_searches", schema: ArchiveDb.Schema, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            user_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: false),
            nama = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            kueri = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_saved_searches", x => x.id));
        m.CreateIndex("IX_saved_searches_user_id", "saved_searches", "user_id", ArchiveDb.Schema);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("saved_searches", ArchiveDb.Schema);
}

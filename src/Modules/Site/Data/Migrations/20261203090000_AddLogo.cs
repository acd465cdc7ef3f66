using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Site.Data.Migrations;

[DbContext(typeof(SiteDb))]
[Migration("20261203090000_AddLogo")]
public sealed class AddLogo : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("logo", schema: SiteDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            isi = t.Column<byte[]>("bytea", nullable: false),
            mime = t.Column<string>("character varying(32)", maxLength: 32, nullable: false),
            versi = t.Column<string>("character varying(16)", maxLength: 16, nullable: false),
            diunggah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_logo", x => x.id));

    protected override void Down(MigrationBuilder m) => m.DropTable("logo", SiteDb.Schema);
}

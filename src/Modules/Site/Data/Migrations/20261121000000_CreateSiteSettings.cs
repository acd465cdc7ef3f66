using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Site.Data.Migrations;

[DbContext(typeof(SiteDb))]
[Migration("20261121000000_CreateSiteSettings")]
public sealed class CreateSiteSettings : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(SiteDb.Schema);
        m.CreateTable("settings", schema: SiteDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            campus_name = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            unit_name = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            logo_url = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            primary_color = t.Column<string>("character varying(7)", maxLength: 7, nullable: false),
            accent_color = t.Column<string>("character varying(7)", maxLength: 7, nullable: false),
            time_zone = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            working_days = t.Column<int[]>("integer[]", nullable: false),
            work_start = t.Column<TimeOnly>("time without time zone", nullable: false),
            work_end = t.Column<TimeOnly>("time without time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_settings", x => x.id));
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("settings", SiteDb.Schema);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Site.Data.Migrations;

[DbContext(typeof(SiteDb))]
[Migration("20261202100000_AddHariLibur")]
public sealed class AddHariLibur : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>(name: "hari_libur", table: "settings", schema: SiteDb.Schema, type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb");

    protected override void Down(MigrationBuilder m) => m.DropColumn("hari_libur", "settings", SiteDb.Schema);
}

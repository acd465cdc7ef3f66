using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Site.Data.Migrations;

[DbContext(typeof(SiteDb))]
[Migration("20261121090000_AddEmbedOrigins")]
public sealed class AddEmbedOrigins : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string[]>(name: "asal_sematan", table: "settings", schema: SiteDb.Schema, type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]");

    protected override void Down(MigrationBuilder m) => m.DropColumn("asal_sematan", "settings", SiteDb.Schema);
}

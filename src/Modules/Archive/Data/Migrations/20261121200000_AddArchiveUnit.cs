using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

[DbContext(typeof(ArchiveDb))]
[Migration("20261121200000_AddArchiveUnit")]
public sealed class AddArchiveUnit : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>(name: "unit", table: "records", schema: ArchiveDb.Schema, type: "character varying(300)", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("unit", "records", ArchiveDb.Schema);
}

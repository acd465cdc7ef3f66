using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

[DbContext(typeof(ArchiveDb))]
[Migration("20261121190000_AddArchiveVersion")]
public sealed class AddArchiveVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<int>(name: "versi", table: "records", schema: ArchiveDb.Schema, type: "integer", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder m) => m.DropColumn("versi", "records", ArchiveDb.Schema);
}

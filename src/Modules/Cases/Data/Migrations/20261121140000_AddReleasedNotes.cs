using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

[DbContext(typeof(CasesDb))]
[Migration("20261121140000_AddReleasedNotes")]
public sealed class AddReleasedNotes : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<DateTimeOffset>(name: "dirilis_pada", table: "entries", schema: CasesDb.Schema, type: "timestamp with time zone", nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("dirilis_pada", "entries", CasesDb.Schema);
}

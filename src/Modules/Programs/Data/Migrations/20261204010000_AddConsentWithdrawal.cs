using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Programs.Data.Migrations;

/// <summary>UU PDP (issue 16): a participant who withdrew their consent receives no more programme mail.</summary>
[DbContext(typeof(ProgramsDb))]
[Migration("20261204010000_AddConsentWithdrawal")]
public sealed class AddConsentWithdrawal : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<DateTimeOffset>("persetujuan_ditarik_pada", "participants", "timestamp with time zone", nullable: true, schema: ProgramsDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropColumn("persetujuan_ditarik_pada", "participants", ProgramsDb.Schema);
}

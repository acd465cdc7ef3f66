using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Forms.Data.Migrations;

/// <summary>UU PDP (issue 16): when a consent was withdrawn.</summary>
[DbContext(typeof(FormsDb))]
[Migration("20261204010000_AddConsentWithdrawal")]
public sealed class AddConsentWithdrawal : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<DateTimeOffset>("ditarik_pada", "consents", "timestamp with time zone", nullable: true, schema: FormsDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropColumn("ditarik_pada", "consents", FormsDb.Schema);
}

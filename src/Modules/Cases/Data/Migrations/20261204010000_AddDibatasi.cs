using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

/// <summary>UU PDP (issue 16): a case whose processing its client had restricted (kept under retention, not destroyed).</summary>
[DbContext(typeof(CasesDb))]
[Migration("20261204010000_AddDibatasi")]
public sealed class AddDibatasi : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<DateTimeOffset>("dibatasi_pada", "cases", "timestamp with time zone", nullable: true, schema: CasesDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropColumn("dibatasi_pada", "cases", CasesDb.Schema);
}

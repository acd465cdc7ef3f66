using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Sop.Data.Migrations;

/// <summary>Indexes for baku-mutu compliance: completions in a period, their activations, and instances still open at a date.</summary>
[DbContext(typeof(SopDb))]
[Migration("20261121060000_ComplianceIndexes")]
public sealed class ComplianceIndexes : Migration
{
    private const string S = SopDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_events_jenis_pada", "events", ["jenis", "pada"], S);
        m.CreateIndex("IX_events_activation_id", "events", "activation_id", S);
        m.CreateIndex("IX_instances_selesai_pada", "instances", "selesai_pada", S);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_events_jenis_pada", "events", S);
        m.DropIndex("IX_events_activation_id", "events", S);
        m.DropIndex("IX_instances_selesai_pada", "instances", S);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Sop.Data.Migrations;

/// <summary>Step activations from start to end, for baku-mutu compliance; filled from the existing history.</summary>
[DbContext(typeof(SopDb))]
[Migration("20261121060000_StepActivations")]
public sealed class StepActivations : Migration
{
    private const string S = SopDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("activations", schema: S, columns: t => new
        {
            activation_id = t.Column<Guid>("uuid", nullable: false),
            instance_id = t.Column<Guid>("uuid", nullable: false),
            kode = t.Column<string>("character varying(150)", maxLength: 150, nullable: false),
            step_id = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
            diaktifkan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            berakhir_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            akhir = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_activations", x => x.activation_id);
            t.ForeignKey("FK_activations_instances_instance_id", x => x.instance_id, principalSchema: S, principalTable: "instances", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_activations_berakhir_pada", "activations", "berakhir_pada", S);
        m.CreateIndex("IX_activations_instance_id", "activations", "instance_id", S);
        m.Sql(Backfill);
    }

    /// <summary>Each "Diaktifkan" event with the event that ended it; steps an end step left open end with their instance.</summary>
    public const string Backfill = """
        INSERT INTO sop.activations (activation_id, instance_id, kode, step_id, diaktifkan_pada, jatuh_tempo, berakhir_pada, akhir)
        SELECT a.activation_id, a.instance_id, i.kode, a.step_id, a.pada, a.jatuh_tempo,
               coalesce(d.pada, CASE WHEN i.status <> 'Berjalan' THEN i.selesai_pada END),
               coalesce(d.jenis, CASE WHEN i.status <> 'Berjalan' AND i.selesai_pada IS NOT NULL THEN 'Ditutup' END)
        FROM sop.events a
        JOIN sop.instances i ON i.id = a.instance_id
        LEFT JOIN sop.events d ON d.activation_id = a.activation_id AND d.jenis IN ('Diselesaikan', 'Dilewati')
        WHERE a.jenis = 'Diaktifkan' AND a.activation_id IS NOT NULL AND a.step_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    protected override void Down(MigrationBuilder m) => m.DropTable("activations", S);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Sop.Data.Migrations;

[DbContext(typeof(SopDb))]
[Migration("20261121030000_CreateSop")]
public sealed class CreateSop : Migration
{
    private const string S = SopDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.CreateTable("definitions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            kode = t.Column<string>("character varying(150)", maxLength: 150, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            versi_aktif = t.Column<int>("integer", nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_definitions", x => x.id));

        m.CreateTable("versions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            definition_id = t.Column<Guid>("uuid", nullable: false),
            versi = t.Column<int>("integer", nullable: false),
            json = t.Column<string>("jsonb", nullable: false),
            hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibuat_oleh = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            catatan_perubahan = t.Column<string>("character varying(1000)", maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_versions", x => x.id);
            t.ForeignKey("FK_versions_definitions_definition_id", x => x.definition_id, principalSchema: S, principalTable: "definitions", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("instances", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            version_id = t.Column<Guid>("uuid", nullable: false),
            definition_id = t.Column<Guid>("uuid", nullable: false),
            kode = t.Column<string>("character varying(150)", maxLength: 150, nullable: false),
            versi = t.Column<int>("integer", nullable: false),
            subjek = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            dimulai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            selesai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            dimulai_oleh = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            konteks = t.Column<string>("jsonb", nullable: false),
            langkah_aktif = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            terlambat = t.Column<bool>("boolean", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_instances", x => x.id);
            t.ForeignKey("FK_instances_versions_version_id", x => x.version_id, principalSchema: S, principalTable: "versions", principalColumn: "id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("active_steps", schema: S, columns: t => new
        {
            activation_id = t.Column<Guid>("uuid", nullable: false),
            instance_id = t.Column<Guid>("uuid", nullable: false),
            step_id = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
            diaktifkan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            pengingat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            penerima_tugas = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            diingatkan = t.Column<bool>("boolean", nullable: false),
            terlambat = t.Column<bool>("boolean", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_active_steps", x => x.activation_id);
            t.ForeignKey("FK_active_steps_instances_instance_id", x => x.instance_id, principalSchema: S, principalTable: "instances", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("events", schema: S, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            instance_id = t.Column<Guid>("uuid", nullable: false),
            seq = t.Column<long>("bigint", nullable: false),
            jenis = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            step_id = t.Column<string>("character varying(40)", maxLength: 40, nullable: true),
            activation_id = t.Column<Guid>("uuid", nullable: true),
            pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            oleh_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            oleh_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            pilihan = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            masukan = t.Column<string>("jsonb", nullable: false),
            keluaran = t.Column<string>("jsonb", nullable: false),
            catatan = t.Column<string>("text", nullable: true),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_events", x => x.id);
            t.ForeignKey("FK_events_instances_instance_id", x => x.instance_id, principalSchema: S, principalTable: "instances", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_definitions_kode", "definitions", "kode", S, unique: true);
        m.CreateIndex("IX_versions_definition_id_versi", "versions", ["definition_id", "versi"], S, unique: true);
        m.CreateIndex("IX_instances_definition_id_status_dimulai_pada_id", "instances", ["definition_id", "status", "dimulai_pada", "id"], S, descending: [false, false, true, true]);
        m.CreateIndex("IX_instances_status_selesai_pada", "instances", ["status", "selesai_pada"], S);
        m.CreateIndex("IX_instances_version_id", "instances", "version_id", S);
        m.CreateIndex("IX_active_steps_instance_id", "active_steps", "instance_id", S);
        m.CreateIndex("IX_events_instance_id_seq", "events", ["instance_id", "seq"], S, unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "events", "active_steps", "instances", "versions", "definitions" }) m.DropTable(table, S);
    }
}

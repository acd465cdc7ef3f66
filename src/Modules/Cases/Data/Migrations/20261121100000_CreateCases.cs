using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Cases.Data.Migrations;

[DbContext(typeof(CasesDb))]
[Migration("20261121100000_CreateCases")]
public sealed class CreateCases : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.CreateSequence<long>("case_seq", S);
        m.CreateTable("cases", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nomor = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            sumber = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            telepon = t.Column<string>("character varying(30)", maxLength: 30, nullable: true),
            nim = t.Column<string>("character varying(30)", maxLength: 30, nullable: true),
            jenis_klien = t.Column<string>("character varying(60)", maxLength: 60, nullable: true),
            saluran = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            bidang = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            waktu_diinginkan = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            kode_pelacakan = t.Column<string>("character varying(12)", maxLength: 12, nullable: true),
            pengguna_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            perujuk = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            sop_instance_id = t.Column<Guid>("uuid", nullable: true),
            sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            sop_judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            langkah_aktif = t.Column<string>("text", nullable: false),
            peran_aktif = t.Column<string[]>("text[]", nullable: false),
            penerima_tugas = t.Column<string[]>("text[]", nullable: false),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            terlambat = t.Column<bool>("boolean", nullable: false),
            konselor_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            konselor_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            dibuka_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            ditutup_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            diperbarui_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_cases", x => x.id));
        m.CreateIndex("IX_cases_nomor", "cases", "nomor", S, unique: true);
        m.CreateIndex("IX_cases_sop_instance_id", "cases", "sop_instance_id", S, unique: true);
        m.CreateIndex("IX_cases_peran_aktif", "cases", "peran_aktif", S).Annotation("Npgsql:IndexMethod", "gin");
        m.CreateIndex("IX_cases_status_terlambat_jatuh_tempo", "cases", ["status", "terlambat", "jatuh_tempo"], S);
        m.CreateIndex("IX_cases_konselor_id", "cases", "konselor_id", S);
        m.CreateIndex("IX_cases_pengguna_id", "cases", "pengguna_id", S);

        m.CreateTable("entries", schema: S, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            case_id = t.Column<Guid>("uuid", nullable: false),
            jenis = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            tingkat = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            isi = t.Column<string>("text", nullable: false),
            terenkripsi = t.Column<bool>("boolean", nullable: false),
            oleh_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: false),
            oleh_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_entries", x => x.id);
            t.ForeignKey("FK_entries_cases_case_id", x => x.case_id, principalSchema: S, principalTable: "cases", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_entries_case_id_pada", "entries", ["case_id", "pada"], S);

        m.CreateTable("appointments", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            case_id = t.Column<Guid>("uuid", nullable: false),
            mulai = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            durasi_menit = t.Column<int>("integer", nullable: false),
            tempat = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            tautan = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            kode_rapat = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            sandi_rapat = t.Column<string>("text", nullable: true),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            alasan = t.Column<string>("text", nullable: true),
            oleh_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_appointments", x => x.id);
            t.ForeignKey("FK_appointments_cases_case_id", x => x.case_id, principalSchema: S, principalTable: "cases", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_appointments_case_id_mulai", "appointments", ["case_id", "mulai"], S);

        m.CreateTable("protection_keys", schema: S, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            friendly_name = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            xml = t.Column<string>("text", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_protection_keys", x => x.id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("appointments", S);
        m.DropTable("entries", S);
        m.DropTable("cases", S);
        m.DropTable("protection_keys", S);
        m.DropSequence("case_seq", S);
    }
}

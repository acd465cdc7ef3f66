using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Programs.Data.Migrations;

[DbContext(typeof(ProgramsDb))]
[Migration("20261124000000_CreatePrograms")]
public sealed class CreatePrograms : Migration
{
    private const string S = ProgramsDb.Schema;
    private const string Tz = "timestamp with time zone";

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.CreateTable("kinds", schema: S, columns: t => new
        {
            kode = t.Column<string>("character varying(80)", maxLength: 80, nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            jenis = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            rujukan_sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            surat_tugas = t.Column<string>("character varying(80)", maxLength: 80, nullable: true),
            surat_pemberitahuan = t.Column<string>("character varying(80)", maxLength: 80, nullable: true),
            laporan = t.Column<string>("character varying(80)", maxLength: 80, nullable: true),
            peran_penerus = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            sasaran = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            sasaran_semester = t.Column<int[]>("integer[]", nullable: false),
            sasaran_status = t.Column<string>("character varying(10)", maxLength: 10, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_kinds", x => x.kode));

        m.CreateTable("programs", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            jenis_kode = t.Column<string>("character varying(80)", maxLength: 80, nullable: false),
            judul = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            jenis = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            tema = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            narasumber = t.Column<string>("character varying(1000)", maxLength: 1000, nullable: true),
            tempat = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            tautan = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            sasaran = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            sasaran_prodi = t.Column<string[]>("text[]", nullable: false),
            sasaran_semester = t.Column<int[]>("integer[]", nullable: false),
            sasaran_status = t.Column<string>("character varying(10)", maxLength: 10, nullable: true),
            kapasitas = t.Column<int>("integer", nullable: true),
            pendaftaran_buka = t.Column<DateTimeOffset>(Tz, nullable: true),
            pendaftaran_tutup = t.Column<DateTimeOffset>(Tz, nullable: true),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            sop_instance_id = t.Column<Guid>("uuid", nullable: true),
            sop_judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            langkah_aktif = t.Column<string>("text", nullable: false),
            sop_selesai = t.Column<bool>("boolean", nullable: false),
            rujukan_sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            mulai = t.Column<DateTimeOffset>(Tz, nullable: true),
            selesai = t.Column<DateTimeOffset>(Tz, nullable: true),
            dibuat_pada = t.Column<DateTimeOffset>(Tz, nullable: false),
            dibuat_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_programs", x => x.id));
        m.CreateIndex("IX_programs_mulai", "programs", "mulai", S);
        m.CreateIndex("IX_programs_sop_instance_id", "programs", "sop_instance_id", S, unique: true);

        m.CreateTable("sessions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            program_id = t.Column<Guid>("uuid", nullable: false),
            mulai = t.Column<DateTimeOffset>(Tz, nullable: false),
            selesai = t.Column<DateTimeOffset>(Tz, nullable: false),
            keterangan = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_sessions", x => x.id);
            t.ForeignKey("FK_sessions_programs_program_id", x => x.program_id, principalSchema: S, principalTable: "programs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_sessions_program_id_mulai", "sessions", ["program_id", "mulai"], S);

        m.CreateTable("committee", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            program_id = t.Column<Guid>("uuid", nullable: false),
            user_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: false),
            nama = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            peran = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_committee", x => x.id);
            t.ForeignKey("FK_committee_programs_program_id", x => x.program_id, principalSchema: S, principalTable: "programs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_committee_program_id_user_id", "committee", ["program_id", "user_id"], S, unique: true);

        m.CreateTable("participants", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            program_id = t.Column<Guid>("uuid", nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            nim = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            telepon = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
            prodi = t.Column<string>("character varying(150)", maxLength: 150, nullable: true),
            terverifikasi = t.Column<bool>("boolean", nullable: false),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            token = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            kode = t.Column<string>("character varying(12)", maxLength: 12, nullable: false),
            didaftar_pada = t.Column<DateTimeOffset>(Tz, nullable: false),
            dibatalkan_pada = t.Column<DateTimeOffset>(Tz, nullable: true),
            hadir_pada = t.Column<DateTimeOffset>(Tz, nullable: true),
            hadir_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            case_id = t.Column<Guid>("uuid", nullable: true),
            case_nomor = t.Column<string>("character varying(40)", maxLength: 40, nullable: true),
            dirujuk_pada = t.Column<DateTimeOffset>(Tz, nullable: true),
            evaluasi_dikirim_pada = t.Column<DateTimeOffset>(Tz, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_participants", x => x.id);
            t.ForeignKey("FK_participants_programs_program_id", x => x.program_id, principalSchema: S, principalTable: "programs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_participants_token", "participants", "token", S, unique: true);
        m.CreateIndex("IX_participants_program_id_kode", "participants", ["program_id", "kode"], S, unique: true);
        m.CreateIndex("IX_participants_program_id_status_didaftar_pada", "participants", ["program_id", "status", "didaftar_pada"], S);

        m.CreateTable("evaluations", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            program_id = t.Column<Guid>("uuid", nullable: false),
            participant_id = t.Column<Guid>("uuid", nullable: false),
            materi = t.Column<int>("integer", nullable: false),
            narasumber = t.Column<int>("integer", nullable: false),
            penyelenggaraan = t.Column<int>("integer", nullable: false),
            keseluruhan = t.Column<int>("integer", nullable: false),
            komentar = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            dikirim_pada = t.Column<DateTimeOffset>(Tz, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_evaluations", x => x.id);
            t.ForeignKey("FK_evaluations_programs_program_id", x => x.program_id, principalSchema: S, principalTable: "programs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_evaluations_participants_participant_id", x => x.participant_id, principalSchema: S, principalTable: "participants", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_evaluations_participant_id", "evaluations", "participant_id", S, unique: true);
        m.CreateIndex("IX_evaluations_program_id", "evaluations", "program_id", S);

        m.CreateTable("invitations", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            program_id = t.Column<Guid>("uuid", nullable: false),
            saluran = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            kepada = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            jumlah = t.Column<int>("integer", nullable: false),
            surat_nomor = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            pada = t.Column<DateTimeOffset>(Tz, nullable: false),
            oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_invitations", x => x.id);
            t.ForeignKey("FK_invitations_programs_program_id", x => x.program_id, principalSchema: S, principalTable: "programs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_invitations_program_id", "invitations", "program_id", S);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "invitations", "evaluations", "participants", "committee", "sessions", "programs", "kinds" }) m.DropTable(table, S);
    }
}

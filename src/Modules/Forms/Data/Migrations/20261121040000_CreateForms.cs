using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Forms.Data.Migrations;

[DbContext(typeof(FormsDb))]
[Migration("20261121040000_CreateForms")]
public sealed class CreateForms : Migration
{
    private const string S = FormsDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.CreateTable("forms", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            kode = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            versi_aktif = t.Column<int>("integer", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_forms", x => x.id));

        m.CreateTable("versions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            form_id = t.Column<Guid>("uuid", nullable: false),
            versi = t.Column<int>("integer", nullable: false),
            json = t.Column<string>("jsonb", nullable: false),
            hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibuat_oleh = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_versions", x => x.id);
            t.ForeignKey("FK_versions_forms_form_id", x => x.form_id, principalSchema: S, principalTable: "forms", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("submissions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            kode_pelacakan = t.Column<string>("character varying(12)", maxLength: 12, nullable: false),
            kunci_kirim = t.Column<Guid>("uuid", nullable: false),
            form_id = t.Column<Guid>("uuid", nullable: false),
            version_id = t.Column<Guid>("uuid", nullable: false),
            versi = t.Column<int>("integer", nullable: false),
            jawaban = t.Column<string>("jsonb", nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            telepon = t.Column<string>("character varying(30)", maxLength: 30, nullable: true),
            saluran = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            dikirim_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            sop_instance_id = t.Column<Guid>("uuid", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_submissions", x => x.id);
            t.ForeignKey("FK_submissions_versions_version_id", x => x.version_id, principalSchema: S, principalTable: "versions", principalColumn: "id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("consents", schema: S, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            submission_id = t.Column<Guid>("uuid", nullable: false),
            versi = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            teks = t.Column<string>("text", nullable: false),
            retensi_hari = t.Column<int>("integer", nullable: false),
            diberikan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_consents", x => x.id);
            t.ForeignKey("FK_consents_submissions_submission_id", x => x.submission_id, principalSchema: S, principalTable: "submissions", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_forms_kode", "forms", "kode", S, unique: true);
        m.CreateIndex("IX_versions_form_id_versi", "versions", ["form_id", "versi"], S, unique: true);
        m.CreateIndex("IX_submissions_kode_pelacakan", "submissions", "kode_pelacakan", S, unique: true);
        m.CreateIndex("IX_submissions_kunci_kirim", "submissions", "kunci_kirim", S, unique: true);
        m.CreateIndex("IX_submissions_form_id_dikirim_pada", "submissions", ["form_id", "dikirim_pada"], S);
        m.CreateIndex("IX_submissions_version_id", "submissions", "version_id", S);
        m.CreateIndex("IX_consents_submission_id", "consents", "submission_id", S);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "consents", "submissions", "versions", "forms" }) m.DropTable(table, S);
    }
}

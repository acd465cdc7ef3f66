using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Direktori.Data.Migrations;

[DbContext(typeof(DirectoryDb))]
[Migration("20261123000000_CreateDirektori")]
public sealed class CreateDirektori : Migration
{
    private const string S = DirectoryDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        // Trusted extension (PostgreSQL 13+): the campus database's owner may create it.
        m.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        m.CreateTable("students", schema: S, columns: t => new
        {
            nim = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            prodi = t.Column<string>("character varying(150)", maxLength: 150, nullable: true),
            semester = t.Column<int>("integer", nullable: true),
            status = t.Column<string>("character varying(10)", maxLength: 10, nullable: false),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            telepon = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
            diperbarui_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            sumber = t.Column<string>("character varying(10)", maxLength: 10, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_students", x => x.nim));
        m.CreateIndex("IX_students_nim", "students", "nim", S).Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        m.CreateIndex("IX_students_nama", "students", "nama", S)
            .Annotation("Npgsql:IndexMethod", "gin").Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

        m.CreateTable("import_jobs", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nama_berkas = t.Column<string>("character varying(260)", maxLength: 260, nullable: false),
            isi = t.Column<byte[]>("bytea", nullable: true),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            dibaca = t.Column<int>("integer", nullable: false),
            diimpor = t.Column<int>("integer", nullable: false),
            ditolak = t.Column<int>("integer", nullable: false),
            pesan = t.Column<string>("text", nullable: true),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibuat_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            mulai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            denyut_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            selesai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_import_jobs", x => x.id));
        m.CreateIndex("IX_import_jobs_status_dibuat_pada", "import_jobs", ["status", "dibuat_pada"], S);

        m.CreateTable("import_errors", schema: S, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            job_id = t.Column<Guid>("uuid", nullable: false),
            baris = t.Column<int>("integer", nullable: false),
            kolom = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
            nilai = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            pesan = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_import_errors", x => x.id);
            t.ForeignKey("FK_import_errors_import_jobs_job_id", x => x.job_id, principalSchema: S, principalTable: "import_jobs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_import_errors_job_id_baris", "import_errors", ["job_id", "baris"], S);

        m.CreateTable("portal_settings", schema: S, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            aktif = t.Column<bool>("boolean", nullable: false),
            penerbit = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            audiens = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            rahasia_protected = t.Column<string>("text", nullable: true),
            klaim_nim = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            peran = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_portal_settings", x => x.id));

        m.CreateTable("used_portal_tokens", schema: S, columns: t => new
        {
            jti = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            kedaluwarsa = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dipakai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_used_portal_tokens", x => x.jti));
        m.CreateIndex("IX_used_portal_tokens_kedaluwarsa", "used_portal_tokens", "kedaluwarsa", S);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("used_portal_tokens", S);
        m.DropTable("portal_settings", S);
        m.DropTable("import_errors", S);
        m.DropTable("import_jobs", S);
        m.DropTable("students", S);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace CampusKonseling.Archive.Data.Migrations;

[DbContext(typeof(ArchiveDb))]
[Migration("20261121160000_CreateArchive")]
public sealed class CreateArchive : Migration
{
    private const string S = ArchiveDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        m.CreateTable("records", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            jenis = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            subjek_id = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            nomor = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            sop_kode = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            sop_judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            tahun = t.Column<int>("integer", nullable: false),
            semester = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            jenis_klien = t.Column<string>("character varying(60)", maxLength: 60, nullable: true),
            bidang = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            saluran = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            konselor_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: true),
            konselor_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            nim = t.Column<string>("character varying(30)", maxLength: 30, nullable: true),
            dibuka = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            ditutup = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            hasil = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            teks_umum = t.Column<string>("text", nullable: false),
            cari = t.Column<NpgsqlTsVector>("tsvector", nullable: true),
            konseling_token = t.Column<string[]>("text[]", nullable: false),
            konseling_teks = t.Column<string>("text", nullable: true),
            diarsipkan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_records", x => x.id));
        m.CreateIndex("IX_records_jenis_subjek_id", "records", ["jenis", "subjek_id"], S, unique: true);
        m.CreateIndex("IX_records_cari", "records", "cari", S).Annotation("Npgsql:IndexMethod", "gin");
        m.CreateIndex("IX_records_konseling_token", "records", "konseling_token", S).Annotation("Npgsql:IndexMethod", "gin");
        m.CreateIndex("IX_records_nama", "records", "nama", S).Annotation("Npgsql:IndexMethod", "gin").Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        m.CreateIndex("IX_records_ditutup", "records", "ditutup", S);
        m.CreateTable("keys", schema: S, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            @protected = t.Column<string>("text", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_keys", x => x.id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("keys", S);
        m.DropTable("records", S);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Letters.Data.Migrations;

[DbContext(typeof(LettersDb))]
[Migration("20261123090000_CreateLetters")]
public sealed class CreateLetters : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        const string s = LettersDb.Schema;
        m.EnsureSchema(s);
        m.CreateTable("templates", schema: s, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            kode = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            judul = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            pola_nomor = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            perihal = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            kepada = t.Column<string>("text", nullable: true),
            isi = t.Column<string>("text", nullable: false),
            ttd_jabatan = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            ttd_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            ttd_nip = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            ttd_tempat = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_templates", x => x.id));
        m.CreateIndex("IX_templates_kode", "templates", "kode", s, unique: true);

        // One row per template and year; "UPDATE … seq + 1 RETURNING" on it serialises concurrent numbering.
        m.CreateTable("counters", schema: s, columns: t => new
        {
            templat_id = t.Column<Guid>("uuid", nullable: false),
            tahun = t.Column<int>("integer", nullable: false),
            urut = t.Column<int>("integer", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_counters", x => new { x.templat_id, x.tahun });
            t.ForeignKey("FK_counters_templates_templat_id", x => x.templat_id, principalSchema: s, principalTable: "templates", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("numbers", schema: s, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            templat_id = t.Column<Guid>("uuid", nullable: false),
            tahun = t.Column<int>("integer", nullable: false),
            urut = t.Column<int>("integer", nullable: false),
            nomor = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            versi_terakhir = t.Column<int>("integer", nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_numbers", x => x.id);
            t.ForeignKey("FK_numbers_templates_templat_id", x => x.templat_id, principalSchema: s, principalTable: "templates", principalColumn: "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_numbers_templat_id_tahun_urut", "numbers", ["templat_id", "tahun", "urut"], s, unique: true);

        m.CreateTable("letters", schema: s, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nomor_id = t.Column<Guid>("uuid", nullable: false),
            versi = t.Column<int>("integer", nullable: false),
            templat_kode = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            judul = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            nomor = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            pemilik_jenis = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            pemilik_id = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            nilai = t.Column<string>("jsonb", nullable: false),
            isian_kosong = t.Column<List<string>>("text[]", nullable: false),
            pdf = t.Column<byte[]>("bytea", nullable: false),
            html = t.Column<string>("text", nullable: false),
            hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibuat_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_letters", x => x.id);
            t.ForeignKey("FK_letters_numbers_nomor_id", x => x.nomor_id, principalSchema: s, principalTable: "numbers", principalColumn: "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_letters_nomor_id_versi", "letters", ["nomor_id", "versi"], s, unique: true);
        m.CreateIndex("IX_letters_pemilik_jenis_pemilik_id", "letters", ["pemilik_jenis", "pemilik_id"], s);
        m.CreateIndex("IX_letters_dibuat_pada", "letters", "dibuat_pada", s);

        m.CreateTable("kop", schema: s, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            instansi = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            alamat = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            telepon = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            email = t.Column<string>("character varying(320)", maxLength: 320, nullable: true),
            situs = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            kota = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_kop", x => x.id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("kop", LettersDb.Schema);
        m.DropTable("letters", LettersDb.Schema);
        m.DropTable("numbers", LettersDb.Schema);
        m.DropTable("counters", LettersDb.Schema);
        m.DropTable("templates", LettersDb.Schema);
    }
}

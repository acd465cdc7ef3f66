using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Privasi.Data.Migrations;

[DbContext(typeof(PrivasiDb))]
[Migration("20261205000000_CreateInsiden")]
public sealed class CreateInsiden : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("insiden", schema: PrivasiDb.Schema, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nomor = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
            judul = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            uraian = t.Column<string>("character varying(4000)", maxLength: 4000, nullable: false),
            diketahui_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dicatat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dicatat_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            dicatat_oleh_id = t.Column<string>("character varying(64)", maxLength: 64, nullable: true),
            sop_instance_id = t.Column<Guid>("uuid", nullable: true),
            terlibat = t.Column<List<string>>("text[]", nullable: false),
            terbukti = t.Column<bool>("boolean", nullable: true),
            data_terungkap = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            cara_terungkap = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            jumlah_subjek = t.Column<int>("integer", nullable: true),
            spesifik = t.Column<bool>("boolean", nullable: false, defaultValue: false),
            risiko = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            penanganan = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            dinilai_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            dinilai_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            subjek_email = t.Column<List<string>>("text[]", nullable: false),
            subjek_diberitahu_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            subjek_diberitahu = t.Column<int>("integer", nullable: false, defaultValue: 0),
            lembaga_diberitahu_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            lembaga_melalui = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            penutupan = t.Column<string>("character varying(4000)", maxLength: 4000, nullable: true),
            ditutup_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            ditutup_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_insiden", x => x.id));
        m.CreateIndex("IX_insiden_nomor", "insiden", "nomor", schema: PrivasiDb.Schema, unique: true);
        m.CreateIndex("IX_insiden_sop_instance_id", "insiden", "sop_instance_id", schema: PrivasiDb.Schema);
        // Step notices find a request's page by its SOP instance (ISopHalaman).
        m.CreateIndex("IX_permintaan_sop_instance_id", "permintaan", "sop_instance_id", schema: PrivasiDb.Schema);

        m.CreateTable("insiden_peristiwa", schema: PrivasiDb.Schema, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            insiden_id = t.Column<Guid>("uuid", nullable: false),
            pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            urutan = t.Column<int>("integer", nullable: false, defaultValue: 0),
            oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            jenis = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            uraian = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_insiden_peristiwa", x => x.id));
        m.CreateIndex("IX_insiden_peristiwa_insiden_id_pada", "insiden_peristiwa", ["insiden_id", "pada"], schema: PrivasiDb.Schema);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_permintaan_sop_instance_id", "permintaan", PrivasiDb.Schema);
        m.DropTable("insiden_peristiwa", PrivasiDb.Schema);
        m.DropTable("insiden", PrivasiDb.Schema);
    }
}

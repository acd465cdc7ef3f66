using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Privasi.Data.Migrations;

[DbContext(typeof(PrivasiDb))]
[Migration("20261204000000_CreatePermintaan")]
public sealed class CreatePermintaan : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("permintaan", schema: PrivasiDb.Schema, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nomor = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
            jenis = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            pengguna_id = t.Column<string>("character varying(64)", maxLength: 64, nullable: true),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            uraian = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            diajukan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            jatuh_tempo = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            sop_instance_id = t.Column<Guid>("uuid", nullable: true),
            telaah = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
            telaah_alasan = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            telaah_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            telaah_oleh_id = t.Column<string>("character varying(64)", maxLength: 64, nullable: true),
            telaah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            jawaban = t.Column<string>("character varying(4000)", maxLength: 4000, nullable: true),
            dijawab_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            dijawab_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_permintaan", x => x.id));
        m.CreateIndex("IX_permintaan_nomor", "permintaan", "nomor", schema: PrivasiDb.Schema, unique: true);
        m.CreateIndex("IX_permintaan_pengguna_id", "permintaan", "pengguna_id", schema: PrivasiDb.Schema);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("permintaan", PrivasiDb.Schema);
}

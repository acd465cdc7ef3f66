using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Privasi.Data.Migrations;

[DbContext(typeof(PrivasiDb))]
[Migration("20261203000000_CreatePrivasi")]
public sealed class CreatePrivasi : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(PrivasiDb.Schema);
        m.CreateTable("pejabat", schema: PrivasiDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            jabatan = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            telepon = t.Column<string>("character varying(40)", maxLength: 40, nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_pejabat", x => x.id));
        m.CreateTable("uraian", schema: PrivasiDb.Schema, columns: t => new
        {
            kunci = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            tujuan = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            catatan = t.Column<string>("character varying(2000)", maxLength: 2000, nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_uraian", x => x.kunci));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("uraian", PrivasiDb.Schema);
        m.DropTable("pejabat", PrivasiDb.Schema);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Privasi.Data.Migrations;

[DbContext(typeof(PrivasiDb))]
[Migration("20261205010000_CreateVerifikasi")]
public sealed class CreateVerifikasi : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("verifikasi", schema: PrivasiDb.Schema, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            email = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            token_hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            tujuan = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            berlaku_sampai = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_verifikasi", x => x.id));
        m.CreateIndex("IX_verifikasi_token_hash", "verifikasi", "token_hash", schema: PrivasiDb.Schema, unique: true);
        m.CreateIndex("IX_verifikasi_email_dibuat_pada", "verifikasi", ["email", "dibuat_pada"], schema: PrivasiDb.Schema);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("verifikasi", PrivasiDb.Schema);
}

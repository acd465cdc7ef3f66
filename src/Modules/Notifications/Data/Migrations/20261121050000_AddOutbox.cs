using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Notifications.Data.Migrations;

[DbContext(typeof(NotificationsDb))]
[Migration("20261121050000_AddOutbox")]
public sealed class AddOutbox : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("outbox", schema: NotificationsDb.Schema, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            saluran = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            penerima = t.Column<string>("character varying(320)", maxLength: 320, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            isi = t.Column<string>("text", nullable: false),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            percobaan = t.Column<int>("integer", nullable: false),
            galat_terakhir = t.Column<string>("text", nullable: true),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            kirim_setelah = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            terkirim_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_outbox", x => x.id));
        m.CreateIndex("IX_outbox_status_kirim_setelah", "outbox", ["status", "kirim_setelah"], NotificationsDb.Schema);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("outbox", NotificationsDb.Schema);
}

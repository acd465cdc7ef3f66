using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Notifications.Data.Migrations;

[DbContext(typeof(NotificationsDb))]
[Migration("20261121020000_CreateNotifications")]
public sealed class CreateNotifications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(NotificationsDb.Schema);
        m.CreateTable("notifications", schema: NotificationsDb.Schema, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            user_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: false),
            jenis = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            isi = t.Column<string>("text", nullable: false),
            tautan = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibaca_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_notifications", x => x.id));
        m.CreateIndex("IX_notifications_user_id_dibuat_pada", "notifications", ["user_id", "dibuat_pada"], NotificationsDb.Schema);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("notifications", NotificationsDb.Schema);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Notifications.Data.Migrations;

[DbContext(typeof(NotificationsDb))]
[Migration("20261121090000_AddChannelsAndTemplates")]
public sealed class AddChannelsAndTemplates : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("channels", schema: NotificationsDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            smtp_host = t.Column<string>("character varying(255)", maxLength: 255, nullable: true),
            smtp_port = t.Column<int>("integer", nullable: false),
            smtp_tls = t.Column<bool>("boolean", nullable: false),
            smtp_user = t.Column<string>("character varying(255)", maxLength: 255, nullable: true),
            smtp_password_protected = t.Column<string>("text", nullable: true),
            smtp_from = t.Column<string>("character varying(320)", maxLength: 320, nullable: true),
            gateway_aktif = t.Column<bool>("boolean", nullable: false),
            gateway_jenis = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            gateway_url = t.Column<string>("character varying(1000)", maxLength: 1000, nullable: true),
            gateway_method = t.Column<string>("character varying(10)", maxLength: 10, nullable: false),
            gateway_content_type = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            gateway_headers_protected = t.Column<string>("text", nullable: true),
            gateway_body = t.Column<string>("text", nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_channels", x => x.id));
        m.CreateTable("templates", schema: NotificationsDb.Schema, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            kode = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            bahasa = t.Column<string>("character varying(5)", maxLength: 5, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            isi = t.Column<string>("text", nullable: false),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_templates", x => x.id));
        m.CreateIndex("IX_templates_kode_bahasa", "templates", ["kode", "bahasa"], NotificationsDb.Schema, unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("templates", NotificationsDb.Schema);
        m.DropTable("channels", NotificationsDb.Schema);
    }
}

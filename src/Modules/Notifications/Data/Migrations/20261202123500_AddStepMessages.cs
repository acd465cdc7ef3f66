using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Notifications.Data.Migrations;

/// <summary>Messages to clients that SOP steps send (aksi pesan): their templates, and the step activation an outgoing message completes.</summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261202123500_AddStepMessages")]
public sealed class AddStepMessages : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>(name: "sop_activation_id", table: "outbox", schema: NotificationsDb.Schema, type: "uuid", nullable: true);
        m.AddColumn<Guid>(name: "sop_instance_id", table: "outbox", schema: NotificationsDb.Schema, type: "uuid", nullable: true);
        m.AddColumn<string>(name: "sop_step_id", table: "outbox", schema: NotificationsDb.Schema, type: "character varying(60)", maxLength: 60, nullable: true);
        m.CreateIndex("IX_outbox_sop_activation_id", "outbox", "sop_activation_id", NotificationsDb.Schema);
        m.CreateTable("pesan_templat", schema: NotificationsDb.Schema, columns: t => new
        {
            id = t.Column<long>("bigint", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            kode = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            judul = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            isi = t.Column<string>("text", nullable: false),
            teks = t.Column<string>("character varying(1000)", maxLength: 1000, nullable: true),
            diubah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            diubah_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_pesan_templat", x => x.id));
        m.CreateIndex("IX_pesan_templat_kode", "pesan_templat", "kode", NotificationsDb.Schema, unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("pesan_templat", NotificationsDb.Schema);
        m.DropIndex("IX_outbox_sop_activation_id", "outbox", NotificationsDb.Schema);
        m.DropColumn("sop_step_id", "outbox", NotificationsDb.Schema);
        m.DropColumn("sop_instance_id", "outbox", NotificationsDb.Schema);
        m.DropColumn("sop_activation_id", "outbox", NotificationsDb.Schema);
    }
}

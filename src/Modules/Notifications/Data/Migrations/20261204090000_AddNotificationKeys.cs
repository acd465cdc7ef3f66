using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Notifications.Data.Migrations;

/// <summary>
/// A notice keeps what it says as keys with values (judul_kunci, isi_kunci), so it is read in the reader's language and its times
/// in the campus's zone. Notices written before have none and are read as stored (judul, isi), which stays filled.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261204090000_AddNotificationKeys")]
public sealed class AddNotificationKeys : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>(name: "judul_kunci", table: "notifications", schema: NotificationsDb.Schema, type: "jsonb", nullable: true);
        m.AddColumn<string>(name: "isi_kunci", table: "notifications", schema: NotificationsDb.Schema, type: "jsonb", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("isi_kunci", "notifications", NotificationsDb.Schema);
        m.DropColumn("judul_kunci", "notifications", NotificationsDb.Schema);
    }
}

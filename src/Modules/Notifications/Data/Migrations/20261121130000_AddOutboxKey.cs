using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Notifications.Data.Migrations;

[DbContext(typeof(NotificationsDb))]
[Migration("20261121130000_AddOutboxKey")]
public sealed class AddOutboxKey : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>(name: "kunci", table: "outbox", schema: NotificationsDb.Schema, type: "character varying(100)", maxLength: 100, nullable: true);
        m.CreateIndex("IX_outbox_kunci", "outbox", "kunci", NotificationsDb.Schema);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_outbox_kunci", "outbox", NotificationsDb.Schema);
        m.DropColumn("kunci", "outbox", NotificationsDb.Schema);
    }
}

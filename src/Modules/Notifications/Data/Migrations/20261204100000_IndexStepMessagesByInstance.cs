using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Notifications.Data.Migrations;

/// <summary>The client's own page lists the messages SOP steps sent on their requests: found by instance, not by a scan of the outbox.</summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261204100000_IndexStepMessagesByInstance")]
public sealed class IndexStepMessagesByInstance : Migration
{
    protected override void Up(MigrationBuilder m) => m.CreateIndex("IX_outbox_sop_instance_id", "outbox", "sop_instance_id", NotificationsDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropIndex("IX_outbox_sop_instance_id", "outbox", NotificationsDb.Schema);
}

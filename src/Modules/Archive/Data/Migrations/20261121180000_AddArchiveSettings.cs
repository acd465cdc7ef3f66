using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

[DbContext(typeof(ArchiveDb))]
[Migration("20261121180000_AddArchiveSettings")]
public sealed class AddArchiveSettings : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("settings", schema: ArchiveDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false),
            retensi_hari = t.Column<int>("integer", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_settings", x => x.id));

    protected override void Down(MigrationBuilder m) => m.DropTable("settings", ArchiveDb.Schema);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Host.Registry.Migrations;

[DbContext(typeof(HostDb))]
[Migration("20261121010000_AddDataProtectionKeys")]
public sealed class AddDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("data_protection_keys", schema: HostDb.Schema, columns: t => new
        {
            id = t.Column<int>("integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            friendly_name = t.Column<string>("text", nullable: true),
            xml = t.Column<string>("text", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_data_protection_keys", x => x.id));

    protected override void Down(MigrationBuilder m) => m.DropTable("data_protection_keys", HostDb.Schema);
}

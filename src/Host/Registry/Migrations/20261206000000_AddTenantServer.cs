using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Host.Registry.Migrations;

/// <summary>The database server a campus lives on (a name from CampusKonseling:Servers); null is the host's own server.</summary>
[DbContext(typeof(HostDb))]
[Migration("20261206000000_AddTenantServer")]
public sealed class AddTenantServer : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("server", "tenants", schema: HostDb.Schema, type: "character varying(40)", maxLength: 40, nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("server", "tenants", HostDb.Schema);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Identity.Data.Migrations;

/// <summary>A user's NIP, NIDN and position (jabatan): what letters they sign print under the signature, instead of a name fixed in the recipe.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261204100000_AddSignerProfile")]
public sealed class AddSignerProfile : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Nip", "AspNetUsers", "character varying(30)", maxLength: 30, nullable: true, schema: IdentityDb.Schema);
        m.AddColumn<string>("Nidn", "AspNetUsers", "character varying(30)", maxLength: 30, nullable: true, schema: IdentityDb.Schema);
        m.AddColumn<string>("Jabatan", "AspNetUsers", "character varying(200)", maxLength: 200, nullable: true, schema: IdentityDb.Schema);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var column in new[] { "Nip", "Nidn", "Jabatan" }) m.DropColumn(column, "AspNetUsers", IdentityDb.Schema);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Direktori.Data.Migrations;

/// <summary>
/// Portal tokens signed with RS256 (issue 15, ADR 0012): which algorithm the campus accepts, and the portal's
/// public keys as a JWKS document. Campuses set up before this keep HS256.
/// </summary>
[DbContext(typeof(DirectoryDb))]
[Migration("20261203000000_AddPortalJwks")]
public sealed class AddPortalJwks : Migration
{
    private const string S = DirectoryDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("algoritma", "portal_settings", "character varying(10)", maxLength: 10, nullable: false, defaultValue: "HS256", schema: S);
        m.AddColumn<string>("jwks", "portal_settings", "text", nullable: true, schema: S);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("jwks", "portal_settings", S);
        m.DropColumn("algoritma", "portal_settings", S);
    }
}

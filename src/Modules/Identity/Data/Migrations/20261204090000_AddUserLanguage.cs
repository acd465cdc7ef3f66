using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Identity.Data.Migrations;

/// <summary>The language a user picks is remembered, so notices and e-mail written to them later are in it (empty: the campus's language).</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261204090000_AddUserLanguage")]
public sealed class AddUserLanguage : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>(name: "Bahasa", table: "AspNetUsers", schema: IdentityDb.Schema, type: "character varying(10)", maxLength: 10, nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("Bahasa", "AspNetUsers", IdentityDb.Schema);
}

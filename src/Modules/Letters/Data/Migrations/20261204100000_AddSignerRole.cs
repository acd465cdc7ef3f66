using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Letters.Data.Migrations;

/// <summary>A template may name the role whose holder signs (tandaTangan.peran); the signer's name and NIP/NIDN then come from that person's profile.</summary>
[DbContext(typeof(LettersDb))]
[Migration("20261204100000_AddSignerRole")]
public sealed class AddSignerRole : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("ttd_peran", "templates", "character varying(256)", maxLength: 256, nullable: true, schema: LettersDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropColumn("ttd_peran", "templates", LettersDb.Schema);
}

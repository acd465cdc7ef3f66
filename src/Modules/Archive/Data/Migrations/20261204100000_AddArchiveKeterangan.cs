using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

/// <summary>A short line under a record in the results: a finished programme's kind, attendance and report.</summary>
[DbContext(typeof(ArchiveDb))]
[Migration("20261204100000_AddArchiveKeterangan")]
public sealed class AddArchiveKeterangan : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>(name: "keterangan", table: "records", schema: ArchiveDb.Schema, type: "character varying(300)", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("keterangan", "records", ArchiveDb.Schema);
}

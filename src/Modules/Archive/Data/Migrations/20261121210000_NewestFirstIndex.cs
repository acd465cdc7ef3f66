using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Archive.Data.Migrations;

/// <summary>Records newest first (ditutup DESC NULLS LAST, id), the order lists and broad queries read them in.</summary>
[DbContext(typeof(ArchiveDb))]
[Migration("20261121210000_NewestFirstIndex")]
public sealed class NewestFirstIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_records_ditutup", "records", ArchiveDb.Schema);
        m.CreateIndex("IX_records_ditutup_id", "records", ["ditutup", "id"], ArchiveDb.Schema, descending: [true, false])
            .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsLast, NullSortOrder.NullsLast });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_records_ditutup_id", "records", ArchiveDb.Schema);
        m.CreateIndex("IX_records_ditutup", "records", "ditutup", ArchiveDb.Schema);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CampusKonseling.Archive.Data.Migrations;

/// <summary>
/// A counselor's records newest first: a broad search of their own counseling words reads its candidates here
/// (the newest matches among their records) instead of every record of theirs that has the word. It also serves
/// everything the plain counselor index did (its first column), which it replaces.
/// </summary>
[DbContext(typeof(ArchiveDb))]
[Migration("20261206100000_CounselorNewestFirstIndex")]
public sealed class CounselorNewestFirstIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_records_konselor_id", "records", ArchiveDb.Schema);
        m.CreateIndex("IX_records_konselor_id_ditutup_id", "records", ["konselor_id", "ditutup", "id"], ArchiveDb.Schema, descending: [false, true, false])
            .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsLast, NullSortOrder.NullsLast, NullSortOrder.NullsLast });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_records_konselor_id_ditutup_id", "records", ArchiveDb.Schema);
        m.CreateIndex("IX_records_konselor_id", "records", "konselor_id", ArchiveDb.Schema);
    }
}

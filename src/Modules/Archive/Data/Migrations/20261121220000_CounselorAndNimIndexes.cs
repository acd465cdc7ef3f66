using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

/// <summary>
/// The counselor of each record, so a counselor's search of their own counseling words intersects two indexes
/// instead of rechecking every record that has the word; and the NIM, which every text query also matches.
/// </summary>
[DbContext(typeof(ArchiveDb))]
[Migration("20261121220000_CounselorAndNimIndexes")]
public sealed class CounselorAndNimIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_records_konselor_id", "records", "konselor_id", ArchiveDb.Schema);
        // Every text query also matches a NIM exactly: without an index that branch of the OR is a full scan.
        m.CreateIndex("IX_records_nim", "records", "nim", ArchiveDb.Schema);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_records_konselor_id", "records", ArchiveDb.Schema);
        m.DropIndex("IX_records_nim", "records", ArchiveDb.Schema);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

/// <summary>
/// Reports: the prodi snapshot and the moment of first contact on each case, with indexes on the opening and
/// closing times so a period's figures are index range scans. First contact is backfilled from the agreements
/// and the staff's log-book and session entries already recorded.
/// </summary>
[DbContext(typeof(CasesDb))]
[Migration("20261124100000_AddReportFields")]
public sealed class AddReportFields : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("prodi", "cases", "character varying(100)", maxLength: 100, nullable: true, schema: S);
        m.AddColumn<DateTimeOffset>("kontak_pertama_pada", "cases", "timestamp with time zone", nullable: true, schema: S);
        m.CreateIndex("IX_cases_dibuka_pada", "cases", "dibuka_pada", S);
        m.CreateIndex("IX_cases_ditutup_pada", "cases", "ditutup_pada", S);
        m.Sql($"""
            UPDATE {S}.cases c SET kontak_pertama_pada = x.pada
            FROM (SELECT case_id, min(pada) AS pada FROM (
                    SELECT case_id, dibuat_pada AS pada FROM {S}.appointments
                    UNION ALL SELECT case_id, pada FROM {S}.entries WHERE jenis IN ('buku-log', 'sesi', 'kesepakatan')) k
                  GROUP BY case_id) x
            WHERE c.id = x.case_id AND c.kontak_pertama_pada IS NULL;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_cases_ditutup_pada", "cases", S);
        m.DropIndex("IX_cases_dibuka_pada", "cases", S);
        m.DropColumn("kontak_pertama_pada", "cases", S);
        m.DropColumn("prodi", "cases", S);
    }
}

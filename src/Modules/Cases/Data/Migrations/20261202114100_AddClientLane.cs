using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

/// <summary>
/// Client lanes (issue 13): the client's confirmation of an agreement (when and by whom: the evidence of a
/// konfirmasiJadwal step), and on each case whether it waits for its client and which staff roles handed it over,
/// so the inbox shows it as "menunggu klien" to them rather than as their task.
/// </summary>
[DbContext(typeof(CasesDb))]
[Migration("20261202114100_AddClientLane")]
public sealed class AddClientLane : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTimeOffset>("dikonfirmasi_pada", "appointments", "timestamp with time zone", nullable: true, schema: S);
        m.AddColumn<string>("dikonfirmasi_oleh", "appointments", "character varying(450)", maxLength: 450, nullable: true, schema: S);
        m.AddColumn<bool>("menunggu_klien", "cases", "boolean", nullable: false, defaultValue: false, schema: S);
        m.AddColumn<string[]>("peran_menunggu", "cases", "text[]", nullable: false, defaultValueSql: "'{}'", schema: S);
        m.CreateIndex("IX_cases_peran_menunggu", "cases", "peran_menunggu", S).Annotation("Npgsql:IndexMethod", "gin");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_cases_peran_menunggu", "cases", S);
        m.DropColumn("peran_menunggu", "cases", S);
        m.DropColumn("menunggu_klien", "cases", S);
        m.DropColumn("dikonfirmasi_oleh", "appointments", S);
        m.DropColumn("dikonfirmasi_pada", "appointments", S);
    }
}

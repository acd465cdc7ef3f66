using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

[DbContext(typeof(CasesDb))]
[Migration("20261121110000_AddDispositions")]
public sealed class AddDispositions : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("dispositions", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            case_id = t.Column<Guid>("uuid", nullable: false),
            induk_id = t.Column<Guid>("uuid", nullable: true),
            dari_id = t.Column<string>("character varying(450)", maxLength: 450, nullable: false),
            dari_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            dari_peran = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            kepada_peran = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            instruksi = t.Column<string>("text", nullable: false),
            batas_waktu = t.Column<DateOnly>("date", nullable: true),
            status = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            laporan = t.Column<string>("text", nullable: true),
            dilaporkan_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            dilaporkan_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_dispositions", x => x.id);
            t.ForeignKey("FK_dispositions_cases_case_id", x => x.case_id, principalSchema: S, principalTable: "cases", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_dispositions_case_id_dibuat_pada", "dispositions", ["case_id", "dibuat_pada"], S);
        m.CreateIndex("IX_dispositions_kepada_peran_status", "dispositions", ["kepada_peran", "status"], S);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("dispositions", S);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

[DbContext(typeof(CasesDb))]
[Migration("20261121120000_AddReferrals")]
public sealed class AddReferrals : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("referrals", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            case_id = t.Column<Guid>("uuid", nullable: false),
            kepada = t.Column<string>("character varying(300)", maxLength: 300, nullable: false),
            jenis = t.Column<string>("character varying(30)", maxLength: 30, nullable: false),
            kontak = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            nomor_surat = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            surat_id = t.Column<Guid>("uuid", nullable: true),
            dirujuk_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dirujuk_oleh = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            hasil_diterima_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_referrals", x => x.id);
            t.ForeignKey("FK_referrals_cases_case_id", x => x.case_id, principalSchema: S, principalTable: "cases", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_referrals_case_id", "referrals", "case_id", S);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("referrals", S);
}

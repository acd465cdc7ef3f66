using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

[DbContext(typeof(CasesDb))]
[Migration("20261121150000_AddDocuments")]
public sealed class AddDocuments : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("documents", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            case_id = t.Column<Guid>("uuid", nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            nama_berkas = t.Column<string>("character varying(255)", maxLength: 255, nullable: false),
            mime = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            ukuran = t.Column<long>("bigint", nullable: false),
            isi = t.Column<byte[]>("bytea", nullable: false),
            terenkripsi = t.Column<bool>("boolean", nullable: false),
            tingkat = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
            oleh_nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_documents", x => x.id);
            t.ForeignKey("FK_documents_cases_case_id", x => x.case_id, principalSchema: S, principalTable: "cases", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_documents_case_id", "documents", "case_id", S);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("documents", S);
}

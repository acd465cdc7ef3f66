using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Cases.Data.Migrations;

/// <summary>
/// A document's kind as the SOP names it (a step's "unggah" action), so a step recognises its upload by identity,
/// never by a similar title. Earlier uploads keep none: they were named freely.
/// </summary>
[DbContext(typeof(CasesDb))]
[Migration("20261202090000_AddDocumentKind")]
public sealed class AddDocumentKind : Migration
{
    private const string S = CasesDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("jenis", "documents", "character varying(200)", maxLength: 200, nullable: true, schema: S);
        m.CreateIndex("IX_documents_case_id_jenis", "documents", ["case_id", "jenis"], S);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_documents_case_id_jenis", "documents", S);
        m.DropColumn("jenis", "documents", S);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Forms.Data.Migrations;

[DbContext(typeof(FormsDb))]
[Migration("20261121060000_AddFiles")]
public sealed class AddFiles : Migration
{
    private const string S = FormsDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("files", schema: S, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            kunci_kirim = t.Column<Guid>("uuid", nullable: false),
            submission_id = t.Column<Guid>("uuid", nullable: true),
            isian_id = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            nama_asli = t.Column<string>("character varying(255)", maxLength: 255, nullable: false),
            mime = t.Column<string>("character varying(100)", maxLength: 100, nullable: false),
            ukuran = t.Column<long>("bigint", nullable: false),
            isi = t.Column<byte[]>("bytea", nullable: false),
            diunggah_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_files", x => x.id);
            t.ForeignKey("FK_files_submissions_submission_id", x => x.submission_id, principalSchema: S, principalTable: "submissions", principalColumn: "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_files_kunci_kirim_isian_id", "files", ["kunci_kirim", "isian_id"], S, unique: true);
        m.CreateIndex("IX_files_submission_id", "files", "submission_id", S);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("files", S);
}

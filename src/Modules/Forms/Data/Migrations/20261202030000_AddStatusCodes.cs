using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Forms.Data.Migrations;

[DbContext(typeof(FormsDb))]
[Migration("20261202030000_AddStatusCodes")]
public sealed class AddStatusCodes : Migration
{
    private const string S = FormsDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("status_codes", c => new
        {
            id = c.Column<Guid>("uuid"),
            submission_id = c.Column<Guid>("uuid"),
            kode_hash = c.Column<string>("character varying(64)", maxLength: 64),
            dibuat_pada = c.Column<DateTimeOffset>("timestamp with time zone"),
            berlaku_sampai = c.Column<DateTimeOffset>("timestamp with time zone"),
            percobaan = c.Column<int>("integer"),
            selesai = c.Column<bool>("boolean"),
            umpan = c.Column<bool>("boolean", defaultValue: false),
        }, schema: S, constraints: t =>
        {
            t.PrimaryKey("PK_status_codes", x => x.id);
            t.ForeignKey("FK_status_codes_submissions_submission_id", x => x.submission_id, principalTable: "submissions", principalColumn: "id", principalSchema: S, onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_status_codes_submission_id_dibuat_pada", "status_codes", ["submission_id", "dibuat_pada"], schema: S);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("status_codes", S);
}

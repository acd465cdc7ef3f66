using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Forms.Data.Migrations;

[DbContext(typeof(FormsDb))]
[Migration("20261121080000_AddSubmitter")]
public sealed class AddSubmitter : Migration
{
    private const string S = FormsDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("pengguna_id", "submissions", "character varying(450)", maxLength: 450, nullable: true, schema: S);
        m.CreateIndex("IX_submissions_pengguna_id", "submissions", "pengguna_id", S);
        m.CreateIndex("IX_submissions_email", "submissions", "email", S);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_submissions_email", "submissions", S);
        m.DropIndex("IX_submissions_pengguna_id", "submissions", S);
        m.DropColumn("pengguna_id", "submissions", S);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Forms.Data.Migrations;

[DbContext(typeof(FormsDb))]
[Migration("20261122090000_AddFormDraft")]
public sealed class AddFormDraft : Migration
{
    private const string S = FormsDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("draf", "forms", "jsonb", nullable: true, schema: S);
        m.AddColumn<int>("draf_dari_versi", "forms", "integer", nullable: true, schema: S);
        m.AddColumn<DateTimeOffset>("draf_pada", "forms", "timestamp with time zone", nullable: true, schema: S);
        m.AddColumn<string>("draf_oleh", "forms", "character varying(300)", maxLength: 300, nullable: true, schema: S);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var column in new[] { "draf_oleh", "draf_pada", "draf_dari_versi", "draf" }) m.DropColumn(column, "forms", S);
    }
}

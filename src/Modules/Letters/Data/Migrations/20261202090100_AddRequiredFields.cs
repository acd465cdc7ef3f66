using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Letters.Data.Migrations;

/// <summary>A template names the placeholders a letter may not leave empty ("wajib"); existing templates require none, as before.</summary>
[DbContext(typeof(LettersDb))]
[Migration("20261202090100_AddRequiredFields")]
public sealed class AddRequiredFields : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<List<string>>("wajib", "templates", "text[]", nullable: false, defaultValueSql: "'{}'", schema: LettersDb.Schema);

    protected override void Down(MigrationBuilder m) => m.DropColumn("wajib", "templates", LettersDb.Schema);
}

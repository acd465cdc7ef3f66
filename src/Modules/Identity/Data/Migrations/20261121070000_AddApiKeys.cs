using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Identity.Data.Migrations;

[DbContext(typeof(IdentityDb))]
[Migration("20261121070000_AddApiKeys")]
public sealed class AddApiKeys : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("api_keys", schema: IdentityDb.Schema, columns: t => new
        {
            id = t.Column<Guid>("uuid", nullable: false),
            nama = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            awalan = t.Column<string>("character varying(12)", maxLength: 12, nullable: false),
            hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            peran = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            dibuat_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            dibuat_oleh = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            dicabut_pada = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_api_keys", x => x.id));
        m.CreateIndex("IX_api_keys_awalan", "api_keys", "awalan", IdentityDb.Schema, unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("api_keys", IdentityDb.Schema);
}

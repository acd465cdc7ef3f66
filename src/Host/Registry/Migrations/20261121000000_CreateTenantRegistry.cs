using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Host.Registry.Migrations;

[DbContext(typeof(HostDb))]
[Migration("20261121000000_CreateTenantRegistry")]
public sealed class CreateTenantRegistry : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema("host");
        m.CreateTable(
            name: "tenants", schema: "host",
            columns: t => new
            {
                name = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
                display_name = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
                url_prefix = t.Column<string>("character varying(40)", maxLength: 40, nullable: false),
                host_names = t.Column<List<string>>("text[]", nullable: false),
                state = t.Column<string>("character varying(20)", maxLength: 20, nullable: false),
                enabled_features = t.Column<List<string>>("text[]", nullable: false),
                recipe_name = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
                database_name = t.Column<string>("character varying(63)", maxLength: 63, nullable: false),
                connection_string = t.Column<string>("text", nullable: true),
                created_utc = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
                updated_utc = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_tenants", x => x.name));
        m.CreateIndex("IX_tenants_url_prefix", "tenants", "url_prefix", "host", unique: true, filter: "url_prefix <> ''");
        m.CreateIndex("IX_tenants_database_name", "tenants", "database_name", "host", unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("tenants", "host");
}

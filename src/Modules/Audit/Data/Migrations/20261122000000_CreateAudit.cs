using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Audit.Data.Migrations;

/// <summary>
/// The chain's table, append-only in the database too: triggers refuse UPDATE, DELETE and TRUNCATE.
/// Someone with database access can still disable them (ALTER TABLE audit.entries DISABLE TRIGGER …)
/// and edit a row; the hash chain is what makes that visible ("Periksa keutuhan" on /admin/audit).
/// </summary>
[DbContext(typeof(AuditDb))]
[Migration("20261122000000_CreateAudit")]
public sealed class CreateAudit : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(AuditDb.Schema);
        m.CreateTable(AuditDb.Table, schema: AuditDb.Schema, columns: t => new
        {
            urutan = t.Column<long>("bigint", nullable: false),
            waktu = t.Column<DateTimeOffset>("timestamp with time zone", nullable: false),
            pengguna_id = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            pengguna_nama = t.Column<string>("character varying(256)", maxLength: 256, nullable: false),
            pengguna_email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            alamat_ip = t.Column<string>("character varying(64)", maxLength: 64, nullable: true),
            agen_pengguna = t.Column<string>("character varying(512)", maxLength: 512, nullable: true),
            jenis = t.Column<string>("character varying(60)", maxLength: 60, nullable: false),
            subjek_jenis = t.Column<string>("character varying(60)", maxLength: 60, nullable: true),
            subjek_id = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            ringkasan = t.Column<string>("character varying(1000)", maxLength: 1000, nullable: false),
            hash_sebelumnya = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
            hash = t.Column<string>("character varying(64)", maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_entries", x => x.urutan));
        m.CreateIndex("IX_entries_subjek_jenis_subjek_id_urutan", AuditDb.Table, ["subjek_jenis", "subjek_id", "urutan"], AuditDb.Schema);
        m.CreateIndex("IX_entries_jenis_urutan", AuditDb.Table, ["jenis", "urutan"], AuditDb.Schema);
        m.CreateIndex("IX_entries_waktu", AuditDb.Table, "waktu", AuditDb.Schema);

        m.Sql("""
            CREATE FUNCTION audit.tolak_perubahan() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit.entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries
              FOR EACH ROW EXECUTE FUNCTION audit.tolak_perubahan();
            CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries
              FOR EACH STATEMENT EXECUTE FUNCTION audit.tolak_perubahan();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(AuditDb.Table, AuditDb.Schema);
        m.Sql("DROP FUNCTION IF EXISTS audit.tolak_perubahan();");
    }
}

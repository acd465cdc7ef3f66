using CampusKonseling.Data;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Host.Registry;
using CampusKonseling.Identity.Data;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Architecture;

/// <summary>
/// Table and column names come from EFCore.NamingConventions' snake_case convention, not from hand-written mappings
/// (<see cref="SnakeCaseNames"/>). Migrations are hand-written without model snapshots, so EF cannot report pending
/// model changes; instead every name the models use — tables, columns, keys, foreign keys, indexes, sequences — must
/// exist in a campus database built by the migrations (every feature on) and in the host database. A DbSet or a
/// property renamed without a migration fails here, and so would the convention lower-casing "PK_students".
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NamingConventionTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_name_in_every_campus_model_exists_in_a_migrated_campus_database()
    {
        var campus = await platform.CreateTenantAsync("unipma", "nama");
        foreach (var feature in platform.Services.GetRequiredService<IFeatureCatalog>().Features
                     .Where(f => f.Feature.Availability == FeatureAvailability.Optional))
            await platform.SetFeatureAsync(campus, feature.Feature.Id, enabled: true);
        var contexts = platform.Services.GetServices<FeatureService>().Where(f => f.Kind == FeatureServiceKind.DbContext).ToList();
        Assert.True(contexts.Count >= 12, $"only {contexts.Count} DbContexts registered");

        var live = await DescribeAsync(campus.Database);
        var checkedNames = 0;
        foreach (var registration in contexts)
        {
            var schema = (string)registration.ImplementationType.GetField("Schema")!.GetValue(null)!;
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(registration.ImplementationType))!;
            await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(campus.Database));
            await using var db = (DbContext)Activator.CreateInstance(registration.ImplementationType, builder.UseModuleNpgsql(conn, schema).Options)!;
            var names = ModelNames(db);
            Assert.Empty(names.Except(live));
            checkedNames += names.Count;
        }
        Assert.True(checkedNames > 500, $"only {checkedNames} names checked");
    }

    [Fact]
    public async Task Every_name_in_the_host_model_exists_in_the_host_database()
    {
        var hostDb = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database!;
        await using var db = new HostDb((DbContextOptions<HostDb>)HostDb.Configure(new DbContextOptionsBuilder<HostDb>(), TestDatabase.ConnectionString).Options);
        var names = ModelNames(db);
        Assert.Contains("column host.tenants.display_name", names);
        Assert.Contains("constraint host.PK_tenants", names);
        Assert.Empty(names.Except(await DescribeAsync(hostDb)));
    }

    [Fact]
    public void The_convention_names_columns_and_tables_and_leaves_constraint_names_and_identity_alone()
    {
        using var connection = new NpgsqlConnection("Host=localhost");
        var direktori = ModelNames(new DirectoryDb((DbContextOptions<DirectoryDb>)new DbContextOptionsBuilder<DirectoryDb>().UseModuleNpgsql(connection, DirectoryDb.Schema).Options));
        // From the DbSet and property names (ImportJobs, DiperbaruiPada)...
        Assert.Contains("table direktori.import_jobs", direktori);
        Assert.Contains("column direktori.students.diperbarui_pada", direktori);
        // ...where the hand-written name differs from the DbSet's (UsedTokens), it stays...
        Assert.Contains("table direktori.used_portal_tokens", direktori);
        // ...and keys, foreign keys and indexes keep EF's names, as the migrations created them.
        Assert.Contains("constraint direktori.PK_students", direktori);
        Assert.Contains("constraint direktori.FK_import_errors_import_jobs_job_id", direktori);
        Assert.Contains("index direktori.IX_import_jobs_status_dibuat_pada", direktori);
        // Identity keeps its own PascalCase names; its api_keys table is mapped by hand.
        var identity = ModelNames(new IdentityDb((DbContextOptions<IdentityDb>)new DbContextOptionsBuilder<IdentityDb>().UseModuleNpgsql(connection, IdentityDb.Schema).Options));
        Assert.Contains("column identity.AspNetUsers.PasswordHash", identity);
        Assert.Contains("column identity.api_keys.dibuat_pada", identity);
    }

    /// <summary>Every store name a model uses, as "kind schema.name" lines comparable with <see cref="DescribeAsync"/>.</summary>
    private static HashSet<string> ModelNames(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var names = new HashSet<string>();
        foreach (var table in model.Tables)
        {
            var s = table.Schema ?? "public";
            names.Add($"table {s}.{table.Name}");
            foreach (var column in table.Columns) names.Add($"column {s}.{table.Name}.{column.Name}");
            foreach (var unique in table.UniqueConstraints) names.Add($"constraint {s}.{unique.Name}");
            foreach (var fk in table.ForeignKeyConstraints) names.Add($"constraint {s}.{fk.Name}");
            foreach (var index in table.Indexes) names.Add($"index {s}.{index.Name}");
        }
        foreach (var sequence in model.Sequences) names.Add($"sequence {sequence.Schema ?? "public"}.{sequence.Name}");
        return names;
    }

    /// <summary>The names in a live database, from information_schema and the catalogs.</summary>
    private static async Task<HashSet<string>> DescribeAsync(string database)
    {
        const string sql = """
            SELECT 'table ' || table_schema || '.' || table_name FROM information_schema.tables
            UNION ALL SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
            UNION ALL SELECT 'constraint ' || n.nspname || '.' || c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            UNION ALL SELECT 'index ' || schemaname || '.' || indexname FROM pg_indexes
            UNION ALL SELECT 'sequence ' || sequence_schema || '.' || sequence_name FROM information_schema.sequences
            """;
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = new HashSet<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}

using CampusKonseling.Data;
using CampusKonseling.Host.Registry;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Architecture;

/// <summary>
/// Migrations are written by hand (the EF design-time tools are not obtainable here), so this
/// test is what keeps them honest: a schema built by the migrations must equal the schema the
/// model would create.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MigrationTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_module_schema_built_by_migrations_equals_the_model()
    {
        var campus = await platform.CreateTenantAsync("unipma", "mig");
        foreach (var feature in platform.Services.GetRequiredService<IFeatureCatalog>().Features
                     .Where(f => f.Feature.Availability == FeatureAvailability.Optional))
            await platform.SetFeatureAsync(campus, feature.Feature.Id, enabled: true);
        var contexts = platform.Services.GetServices<FeatureService>().Where(f => f.Kind == FeatureServiceKind.DbContext).ToList();
        Assert.NotEmpty(contexts);

        var modelDb = TestDatabase.TenantDatabasePrefix + "model_" + Guid.NewGuid().ToString("N")[..8];
        await TestDatabase.ExecuteAsync("postgres", $"CREATE DATABASE \"{modelDb}\"");
        try
        {
            foreach (var registration in contexts)
            {
                var schema = (string)registration.ImplementationType.GetField("Schema")!.GetValue(null)!;
                var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(registration.ImplementationType))!;
                await using (var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(modelDb)))
                await using (var db = (DbContext)Activator.CreateInstance(registration.ImplementationType, builder.UseModuleNpgsql(conn, schema).Options)!)
                    await TestDatabase.ExecuteAsync(modelDb, db.Database.GenerateCreateScript());
                var migrated = await DescribeAsync(campus.Database, schema);
                var modelled = await DescribeAsync(modelDb, schema);
                Assert.NotEmpty(modelled);
                // Indexes EF's model cannot express (on an expression) are made by hand in a migration: each must be there.
                foreach (var index in ByHand.Where(i => i.Schema == schema))
                    Assert.Single(migrated, line => line.StartsWith($"index {index.Name} ", StringComparison.Ordinal));
                Assert.Equal(modelled, migrated.Where(line => !ByHand.Any(i => i.Schema == schema && line.StartsWith($"index {i.Name} ", StringComparison.Ordinal))).ToList());
            }
        }
        finally
        {
            await TestDatabase.DropAsync(modelDb);
        }
    }

    /// <summary>Indexes on an expression, made in a migration by SQL (EF Core's model has no expression indexes).</summary>
    private static readonly (string Schema, string Name)[] ByHand = [("arsip", "IX_records_token_konselor")];

    [Fact]
    public async Task The_host_registry_schema_built_by_migrations_equals_the_model()
    {
        var modelDb = TestDatabase.TenantDatabasePrefix + "hostmodel_" + Guid.NewGuid().ToString("N")[..8];
        await TestDatabase.ExecuteAsync("postgres", $"CREATE DATABASE \"{modelDb}\"");
        try
        {
            var options = HostDb.Configure(new DbContextOptionsBuilder<HostDb>(), TestDatabase.ConnectionStringFor(modelDb)).Options;
            await using (var db = new HostDb((DbContextOptions<HostDb>)options))
                await TestDatabase.ExecuteAsync(modelDb, db.Database.GenerateCreateScript());
            var hostDb = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database!;
            Assert.Equal(await DescribeAsync(modelDb, HostDb.Schema), await DescribeAsync(hostDb, HostDb.Schema));
        }
        finally
        {
            await TestDatabase.DropAsync(modelDb);
        }
    }

    /// <summary>Columns (type, nullability, length, default), constraints and indexes of a schema, as comparable lines.</summary>
    private static async Task<List<string>> DescribeAsync(string database, string schema)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(character_maximum_length::text, '') || ' ' || coalesce(is_identity, '')
              FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(c.oid)
              FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND conname NOT LIKE 'PK___EFMigrationsHistory'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> '__EFMigrationsHistory'
            ORDER BY 1
            """;
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = schema } } };
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}

using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace CampusKonseling.Host.Shells;

/// <summary>Applies the committed migrations of features to a tenant's database.</summary>
/// <remarks>
/// Whether anything is missing is read in two queries for all features together (which schemas have a migration
/// history, then every history's entries), not two per feature: a campus loaded again after a restart starts in a
/// few milliseconds, and a host restarting with a thousand campuses does not send them tens of thousands of queries.
/// </remarks>
public sealed class FeatureMigrator(IEnumerable<FeatureService> registrations, ILogger<FeatureMigrator> logger)
{
    private readonly FeatureService[] _contexts = registrations.Where(r => r.Kind == FeatureServiceKind.DbContext).ToArray();

    public async Task MigrateAsync(IServiceProvider scope, ShellContext shell, IEnumerable<string> features, CancellationToken ct)
    {
        var wanted = features.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var contexts = _contexts.Where(c => wanted.Contains(c.FeatureId)).Select(c => (DbContext)scope.GetRequiredService(c.ImplementationType)).ToList();
        if (contexts.Count == 0) return;
        var applied = await AppliedAsync(contexts[0], contexts.Select(HistorySchema).Distinct().ToList(), ct);
        foreach (var db in contexts)
        {
            var done = applied.GetValueOrDefault(HistorySchema(db)) ?? [];
            if (db.Database.GetMigrations().All(done.Contains)) continue;
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0) continue;
            logger.LogInformation("Applying {Count} migration(s) of {Context} for tenant {Tenant}", pending.Count, db.GetType().Name, shell.Name);
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>The schema of a module's migration history table (each module keeps its own, in its schema).</summary>
    private static string HistorySchema(DbContext db) =>
        db.GetService<IDbContextOptions>().Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>()
            .Select(e => e.MigrationsHistoryTableSchema).FirstOrDefault(s => s is not null) ?? "public";

    /// <summary>The migrations applied per history schema, read on the campus's connection.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> AppliedAsync(DbContext any, IReadOnlyList<string> schemas, CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var connection = (NpgsqlConnection)any.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await any.Database.OpenConnectionAsync(ct);
        try
        {
            var present = new List<string>();
            await using (var which = new NpgsqlCommand("""
                SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relname = '__EFMigrationsHistory' AND n.nspname = ANY($1)
                """, connection) { Parameters = { new() { Value = schemas.ToArray() } } })
            await using (var reader = await which.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) present.Add(reader.GetString(0));
            if (present.Count == 0) return result;
            var sql = string.Join(" UNION ALL ", present.Select(s => $"SELECT {Literal(s)}, \"MigrationId\" FROM {Quote(s)}.\"__EFMigrationsHistory\""));
            await using var entries = new NpgsqlCommand(sql, connection);
            await using var rows = await entries.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                var schema = rows.GetString(0);
                if (!result.TryGetValue(schema, out var set)) result[schema] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(rows.GetString(1));
            }
            return result;
        }
        finally
        {
            if (opened) await any.Database.CloseConnectionAsync();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}

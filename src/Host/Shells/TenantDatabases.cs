using CampusKonseling.Shell;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CampusKonseling.Host.Shells;

/// <summary>Creates, reaches and drops the campuses' own databases on the host's server.</summary>
public sealed class TenantDatabases(IConfiguration configuration, IOptions<CampusKonselingOptions> options)
{
    public string HostConnectionString =>
        configuration.GetConnectionString("Default")
        ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");

    public string DatabaseNameFor(string tenantName) =>
        (options.Value.TenantDatabasePrefix + tenantName).ToLowerInvariant().Replace('-', '_');

    /// <summary>
    /// Every campus has its own pool, so pools stay small and give idle connections back soon:
    /// a server's connection limit is shared by all campuses (ADR 0002).
    /// </summary>
    public string ConnectionStringFor(TenantInfo tenant) =>
        new NpgsqlConnectionStringBuilder(tenant.ConnectionString ?? HostConnectionString)
        {
            Database = tenant.ConnectionString is null ? tenant.DatabaseName : new NpgsqlConnectionStringBuilder(tenant.ConnectionString).Database,
            MaxPoolSize = options.Value.TenantMaxPoolSize,
            ConnectionIdleLifetime = options.Value.TenantConnectionIdleSeconds,
            ConnectionPruningInterval = Math.Max(1, Math.Min(5, options.Value.TenantConnectionIdleSeconds / 3)),
        }.ConnectionString;

    // CREATE and DROP DATABASE each wait for a checkpoint; on a busy server that alone can take longer
    // than the default 30 s command timeout, and an operator would rather wait than see the campus half made.
    private const int DatabaseDdlTimeoutSeconds = 300;

    public async Task CreateAsync(TenantInfo tenant, CancellationToken ct)
    {
        if (tenant.ConnectionString is not null) return; // an external database is made by its owner
        await using var conn = await OpenMaintenanceAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = tenant.DatabaseName } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(tenant.DatabaseName)} ENCODING 'UTF8' TEMPLATE template0", conn)
            { CommandTimeout = DatabaseDdlTimeoutSeconds };
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task DropAsync(TenantInfo tenant, CancellationToken ct)
    {
        if (tenant.ConnectionString is not null) return;
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await OpenMaintenanceAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(tenant.DatabaseName)} WITH (FORCE)", conn)
                { CommandTimeout = DatabaseDdlTimeoutSeconds };
            try
            {
                await drop.ExecuteNonQueryAsync(ct);
                return;
            }
            // A server process of another role (autovacuum on a fresh database) cannot be terminated by us; it ends by itself.
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), ct);
            }
        }
    }

    public async Task<bool> ExistsAsync(string databaseName, CancellationToken ct)
    {
        await using var conn = await OpenMaintenanceAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = databaseName } } };
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Creates the host database itself when it is missing (first start on an external server).</summary>
    public async Task EnsureHostDatabaseAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(HostConnectionString);
        var name = builder.Database ?? throw new InvalidOperationException("ConnectionStrings:Default names no Database.");
        if (await ExistsAsync(name, ct)) return;
        await using var conn = await OpenMaintenanceAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(name)} ENCODING 'UTF8' TEMPLATE template0", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(HostConnectionString) { Database = "postgres", Pooling = false };
        var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

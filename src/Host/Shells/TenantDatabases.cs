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

    public string ConnectionStringFor(TenantInfo tenant) =>
        tenant.ConnectionString ?? new NpgsqlConnectionStringBuilder(HostConnectionString) { Database = tenant.DatabaseName }.ConnectionString;

    public async Task CreateAsync(TenantInfo tenant, CancellationToken ct)
    {
        if (tenant.ConnectionString is not null) return; // an external database is made by its owner
        await using var conn = await OpenMaintenanceAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = tenant.DatabaseName } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(tenant.DatabaseName)} ENCODING 'UTF8' TEMPLATE template0", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task DropAsync(TenantInfo tenant, CancellationToken ct)
    {
        if (tenant.ConnectionString is not null) return;
        await using var conn = await OpenMaintenanceAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(tenant.DatabaseName)} WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync(ct);
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

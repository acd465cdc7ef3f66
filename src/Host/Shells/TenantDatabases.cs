using System.Collections.Concurrent;
using CampusKonseling.Data;
using CampusKonseling.Shell;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Creates, reaches and drops the campuses' own databases, on the host's server ("utama") or on a server
/// named under CampusKonseling:Servers, and keeps each server's connection budget.
/// </summary>
public sealed class TenantDatabases(IConfiguration configuration, IOptions<CampusKonselingOptions> options)
{
    private readonly ConcurrentDictionary<string, ConnectionBudget> _budgets = new(StringComparer.OrdinalIgnoreCase);

    public string HostConnectionString =>
        configuration.GetConnectionString("Default")
        ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");

    public string DatabaseNameFor(string tenantName) =>
        (options.Value.TenantDatabasePrefix + tenantName).ToLowerInvariant().Replace('-', '_');

    /// <summary>The servers campuses can be created on: "utama" first, then those configured.</summary>
    public IReadOnlyList<string> ServerNames =>
        [TenantInfo.MainServer, .. options.Value.Servers.Where(s => !IsMain(s.Key) && !string.IsNullOrWhiteSpace(s.Value.ConnectionString))
            .Select(s => s.Key).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The configured spelling of a server name (configuration keys ignore case, environment variables and scripts do not).</summary>
    public string? CanonicalServer(string? name) =>
        IsMain(name) ? null : ServerNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    public bool IsKnownServer(string? name) =>
        IsMain(name) || (options.Value.Servers.TryGetValue(name!, out var s) && !string.IsNullOrWhiteSpace(s.ConnectionString));

    private static bool IsMain(string? name) => string.IsNullOrEmpty(name) || string.Equals(name, TenantInfo.MainServer, StringComparison.OrdinalIgnoreCase);

    private DatabaseServerOptions ServerOptions(string? name) =>
        IsMain(name) ? options.Value.Database
        : options.Value.Servers.TryGetValue(name!, out var s) ? s
        : throw new InvalidOperationException($"Database server '{name}' is not configured under CampusKonseling:Servers.");

    /// <summary>The connection string to a server itself (database not chosen).</summary>
    private string ServerConnectionString(string? name) =>
        IsMain(name) ? HostConnectionString
        : ServerOptions(name).ConnectionString is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException($"CampusKonseling:Servers:{name}:ConnectionString is not set.");

    /// <summary>
    /// Every campus has its own pool, small, giving idle connections back soon; all campuses of a server share
    /// its connection budget (ADR 0018).
    /// </summary>
    public string ConnectionStringFor(TenantInfo tenant) =>
        new NpgsqlConnectionStringBuilder(tenant.ConnectionString ?? ServerConnectionString(tenant.Server))
        {
            Database = tenant.ConnectionString is null ? tenant.DatabaseName : new NpgsqlConnectionStringBuilder(tenant.ConnectionString).Database,
            MaxPoolSize = Math.Min(options.Value.TenantMaxPoolSize, BudgetFor(tenant).Limit),
            ConnectionIdleLifetime = options.Value.TenantConnectionIdleSeconds,
            ConnectionPruningInterval = Math.Max(1, Math.Min(5, options.Value.TenantConnectionIdleSeconds / 3)),
            ApplicationName = "campuskonseling:" + options.Value.NodeName,
            // Waiting for one of the campus's own pooled connections counts like waiting for the server's budget.
            Timeout = Math.Clamp(ServerOptionsFor(tenant).WaitSeconds, 1, 1024),
        }.ConnectionString;

    /// <summary>The connection budget of the server the campus lives on (an external database counts as a server of its own).</summary>
    public ConnectionBudget BudgetFor(TenantInfo tenant)
    {
        if (tenant.ConnectionString is { } external)
        {
            var b = new NpgsqlConnectionStringBuilder(external);
            var key = $"{b.Host}:{b.Port}";
            return _budgets.GetOrAdd(key, k => NewBudget(k, options.Value.Database));
        }
        var name = IsMain(tenant.Server) ? TenantInfo.MainServer : tenant.Server!;
        return _budgets.GetOrAdd(name, n => NewBudget(n, ServerOptions(n)));
    }

    private DatabaseServerOptions ServerOptionsFor(TenantInfo tenant) =>
        tenant.ConnectionString is not null ? options.Value.Database : ServerOptions(tenant.Server);

    /// <summary>The budgets in use, for the metrics and the host admin.</summary>
    public IReadOnlyCollection<ConnectionBudget> Budgets => _budgets.Values.ToList();

    private static ConnectionBudget NewBudget(string name, DatabaseServerOptions o) =>
        new(name, o.MaxConnections, TimeSpan.FromSeconds(Math.Max(1, o.WaitSeconds)));

    // CREATE and DROP DATABASE each wait for a checkpoint; on a busy server that alone can take longer
    // than the default 30 s command timeout, and an operator would rather wait than see the campus half made.
    private const int DatabaseDdlTimeoutSeconds = 300;

    public async Task CreateAsync(TenantInfo tenant, CancellationToken ct)
    {
        if (tenant.ConnectionString is not null) return; // an external database is made by its owner
        await using var conn = await OpenMaintenanceAsync(tenant.Server, ct);
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
            await using var conn = await OpenMaintenanceAsync(tenant.Server, ct);
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

    /// <summary>Makes a campus database take no more writes (new sessions), or writes again.</summary>
    public async Task SetReadOnlyAsync(TenantInfo tenant, bool readOnly, CancellationToken ct)
    {
        await using var conn = await OpenMaintenanceAsync(tenant.Server, ct);
        await using var set = new NpgsqlCommand(readOnly
            ? $"ALTER DATABASE {Quote(tenant.DatabaseName)} SET default_transaction_read_only = on"
            : $"ALTER DATABASE {Quote(tenant.DatabaseName)} RESET default_transaction_read_only", conn);
        await set.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Ends the platform's own sessions in a campus database (before it is dumped for a move).</summary>
    public async Task EndSessionsAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var conn = await OpenMaintenanceAsync(tenant.Server, ct);
        await using var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()", conn)
            { Parameters = { new() { Value = tenant.DatabaseName } } };
        await end.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> ExistsAsync(string databaseName, CancellationToken ct) => await ExistsAsync(null, databaseName, ct);

    public async Task<bool> ExistsAsync(string? server, string databaseName, CancellationToken ct)
    {
        await using var conn = await OpenMaintenanceAsync(server, ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = databaseName } } };
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Creates the host database itself when it is missing (first start on an external server).</summary>
    public async Task EnsureHostDatabaseAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(HostConnectionString);
        var name = builder.Database ?? throw new InvalidOperationException("ConnectionStrings:Default names no Database.");
        if (await ExistsAsync(name, ct)) return;
        await using var conn = await OpenMaintenanceAsync(null, ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(name)} ENCODING 'UTF8' TEMPLATE template0", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync(string? server, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString(server)) { Database = "postgres", Pooling = false };
        var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

using System.Collections.Concurrent;
using CampusKonseling.Shell;
using Npgsql;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Builds each running tenant's shell once (database connection pool, feature set, caches)
/// and keeps it until the tenant changes. A tenant that cannot start is remembered as failed
/// and retried after a pause; it never affects other tenants.
/// </summary>
public sealed class ShellHost(
    ITenantRegistry registry, TenantDatabases databases, FeatureMigrator migrator, Features.FeatureCatalog catalog,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<ShellHost> logger) : IShellHost, IAsyncDisposable
{
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, ShellContext> _shells = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ShellFailure> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ShellContext?> GetShellAsync(string tenantName, CancellationToken ct = default)
    {
        if (_shells.TryGetValue(tenantName, out var shell))
        {
            // Another node (or the CLI) may have changed the tenant: an outdated shell is rebuilt.
            var current = await registry.FindAsync(tenantName, ct);
            if (current is not null && current.UpdatedUtc == shell.Tenant.UpdatedUtc && current.State == TenantState.Running) return shell;
            await ReloadAsync(tenantName);
            if (current is null || current.State != TenantState.Running) return null;
        }
        if (_failures.TryGetValue(tenantName, out var failure) && clock.GetUtcNow() - failure.AtUtc < RetryFailedAfter) return null;

        var gate = _locks.GetOrAdd(tenantName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_shells.TryGetValue(tenantName, out shell)) return shell;
            var tenant = await registry.FindAsync(tenantName, ct);
            if (tenant is null || tenant.State != TenantState.Running) return null;
            shell = await BuildAsync(tenant, ct);
            if (shell is not null) _shells[tenant.Name] = shell;
            return shell;
        }
        finally
        {
            gate.Release();
        }
    }

    public ShellFailure? GetFailure(string tenantName) => _failures.GetValueOrDefault(tenantName);

    public async Task ReloadAsync(string tenantName)
    {
        _failures.TryRemove(tenantName, out _);
        if (_shells.TryRemove(tenantName, out var shell))
        {
            // Disposing the data source closes its idle connections, so the database can be dropped.
            await shell.DisposeAsync();
        }
    }

    public AsyncServiceScope CreateScope(ShellContext shell)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentShell>().Shell = shell;
        return scope;
    }

    /// <summary>A shell for a tenant that is being set up (not yet Running), not cached.</summary>
    internal ShellContext CreateUncached(TenantInfo tenant) =>
        new(tenant, NpgsqlDataSource.Create(databases.ConnectionStringFor(tenant)));

    private async Task<ShellContext?> BuildAsync(TenantInfo tenant, CancellationToken ct)
    {
        // Core features added by an upgrade are switched on in every campus before it starts.
        var missing = catalog.AlwaysEnabled.SelectMany(catalog.WithDependencies)
            .Where(f => !tenant.EnabledFeatures.Contains(f, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        if (missing.Count > 0)
        {
            tenant = tenant with { EnabledFeatures = tenant.EnabledFeatures.Concat(missing).ToList() };
            logger.LogInformation("Tenant {Tenant}: enabling new core features {Features}", tenant.Name, string.Join(", ", missing));
        }
        var shell = CreateUncached(tenant);
        try
        {
            await using var scope = CreateScope(shell);
            await migrator.MigrateAsync(scope.ServiceProvider, shell, tenant.EnabledFeatures, ct);
            if (missing.Count > 0)
            {
                await registry.SaveAsync(tenant, ct);
                await shell.DisposeAsync();
                shell = CreateUncached((await registry.FindAsync(tenant.Name, ct))!);
            }
            _failures.TryRemove(tenant.Name, out _);
            logger.LogInformation("Tenant {Tenant} started with {Count} features", tenant.Name, tenant.EnabledFeatures.Count);
            return shell;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await shell.DisposeAsync();
            _failures[tenant.Name] = new ShellFailure(tenant.Name, ex.Message, clock.GetUtcNow());
            logger.LogError(ex, "Tenant {Tenant} failed to start", tenant.Name);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shell in _shells.Values) await shell.DisposeAsync();
        _shells.Clear();
    }
}

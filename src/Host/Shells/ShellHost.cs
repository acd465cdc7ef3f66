using System.Collections.Concurrent;
using CampusKonseling.Shell;
using Npgsql;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Builds each running tenant's shell (database connections, feature set, caches) on its first
/// request and keeps it until the tenant changes or has been idle for <c>ShellIdleSeconds</c>
/// (<see cref="ShellSweeper"/>); the registry stays complete, and the next request builds it again.
/// A tenant that cannot start is remembered as failed and retried after a pause; it never affects other tenants.
/// </summary>
public sealed class ShellHost(
    ITenantRegistry registry, TenantDatabases databases, FeatureMigrator migrator, Features.FeatureCatalog catalog,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<ShellHost> logger) : IShellHost, IAsyncDisposable
{
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromSeconds(30);
    /// <summary>How long a released shell's connections stay usable by a request that picked it up just before.</summary>
    private static readonly TimeSpan RetireGrace = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, ShellContext> _shells = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ShellFailure> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Registry entries (name and version) whose database this process has migrated: a rebuilt shell skips the check.</summary>
    private readonly ConcurrentDictionary<(string, DateTimeOffset), byte> _migrated = new();
    private readonly ConcurrentQueue<ShellContext> _retired = new();

    /// <summary>Shells alive in this process now.</summary>
    public int LiveCount => _shells.Count;

    public bool IsLive(string tenantName) => _shells.ContainsKey(tenantName);

    public async Task<ShellContext?> GetShellAsync(string tenantName, CancellationToken ct = default)
    {
        var shell = await FindOrBuildAsync(tenantName, ct);
        shell?.Touch(clock.GetUtcNow());
        return shell;
    }

    private async Task<ShellContext?> FindOrBuildAsync(string tenantName, CancellationToken ct)
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

    /// <summary>
    /// Releases the shells no request or job has asked for since <paramref name="idleSince"/> and that no
    /// scope works in; their connections are closed once no request can still be holding them.
    /// </summary>
    /// <returns>How many were released.</returns>
    public async Task<int> ReleaseIdleAsync(DateTimeOffset idleSince, CancellationToken ct = default)
    {
        var released = 0;
        foreach (var (name, shell) in _shells)
        {
            if (shell.LastUsedUtc >= idleSince || shell.ActiveScopes > 0) continue;
            if (!((ICollection<KeyValuePair<string, ShellContext>>)_shells).Remove(new(name, shell))) continue;
            // Its idle connections close now; the shell itself goes once no request can still be holding it.
            shell.Connections.GiveBackIdle();
            _retired.Enqueue(shell);
            released++;
        }
        await DisposeRetiredAsync();
        if (released > 0) logger.LogInformation("Released {Count} idle campus shell(s); {Live} stay live", released, _shells.Count);
        return released;
    }

    public async Task<bool> VisitAsync(string tenantName, Func<ShellContext, Task> work, CancellationToken ct = default)
    {
        var wasLive = _shells.ContainsKey(tenantName);
        var started = clock.GetUtcNow();
        var shell = await FindOrBuildAsync(tenantName, ct);
        if (shell is null) return false;
        try
        {
            await work(shell);
        }
        finally
        {
            // A campus nobody uses is not kept alive by its background work.
            if (!wasLive && shell.LastUsedUtc < started && shell.ActiveScopes == 0
                && ((ICollection<KeyValuePair<string, ShellContext>>)_shells).Remove(new(shell.Name, shell)))
            {
                shell.Connections.GiveBackIdle();
                _retired.Enqueue(shell);
            }
        }
        return true;
    }

    private async Task DisposeRetiredAsync()
    {
        var now = clock.GetUtcNow();
        for (var n = _retired.Count; n > 0 && _retired.TryDequeue(out var shell); n--)
        {
            if (shell.ActiveScopes == 0 && now - shell.LastUsedUtc >= RetireGrace) await shell.DisposeAsync();
            else _retired.Enqueue(shell);
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
        new(tenant, new CampusKonseling.Data.CampusConnections(NpgsqlDataSource.Create(databases.ConnectionStringFor(tenant)), databases.BudgetFor(tenant)));

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
        ShellContext shell;
        try
        {
            shell = CreateUncached(tenant);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A server name the configuration does not know, an unreadable connection string.
            _failures[tenant.Name] = new ShellFailure(tenant.Name, ex.Message, clock.GetUtcNow());
            logger.LogError(ex, "Tenant {Tenant} cannot reach its database", tenant.Name);
            return null;
        }
        try
        {
            var firstStart = !_migrated.ContainsKey((tenant.Name, tenant.UpdatedUtc));
            if (firstStart)
            {
                await using var scope = CreateScope(shell);
                await migrator.MigrateAsync(scope.ServiceProvider, shell, tenant.EnabledFeatures, ct);
            }
            if (missing.Count > 0)
            {
                await registry.SaveAsync(tenant, ct);
                await shell.DisposeAsync();
                shell = CreateUncached((await registry.FindAsync(tenant.Name, ct))!);
            }
            _migrated[(shell.Tenant.Name, shell.Tenant.UpdatedUtc)] = 0;
            _failures.TryRemove(tenant.Name, out _);
            // Loaded again after being released: routine, not worth a line per campus at Information.
            logger.Log(firstStart ? LogLevel.Information : LogLevel.Debug, "Tenant {Tenant} started with {Count} features", tenant.Name, tenant.EnabledFeatures.Count);
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
        while (_retired.TryDequeue(out var shell)) await shell.DisposeAsync();
    }
}

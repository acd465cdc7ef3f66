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
        if (shell is null) return null;
        // Touched before the pin is let go: the sweeper releases only shells idle for a while, and the caller enters
        // it (CurrentShell) right away.
        shell.Touch(clock.GetUtcNow());
        shell.Leave();
        return shell;
    }

    /// <summary>The shell, pinned (an active scope) so it cannot be disposed under the caller; the caller lets go with Leave.</summary>
    private async Task<ShellContext?> FindOrBuildAsync(string tenantName, CancellationToken ct)
    {
        if (_shells.TryGetValue(tenantName, out var shell))
        {
            shell.Enter();
            // Another node (or the CLI) may have changed the tenant: an outdated shell is rebuilt.
            TenantInfo? current;
            try { current = await registry.FindAsync(tenantName, ct); }
            catch
            {
                // The host database unreachable (or the request gone): the pin is let go, or the shell would stay
                // busy in the sweeper's eyes and never be released.
                shell.Leave();
                throw;
            }
            if (current is not null && current.UpdatedUtc == shell.Tenant.UpdatedUtc && current.State == TenantState.Running) return shell;
            shell.Leave();
            await ReloadAsync(tenantName);
            if (current is null || current.State != TenantState.Running) return null;
        }
        if (_failures.TryGetValue(tenantName, out var failure) && clock.GetUtcNow() - failure.AtUtc < RetryFailedAfter) return null;

        var gate = _locks.GetOrAdd(tenantName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_shells.TryGetValue(tenantName, out shell))
            {
                shell.Enter();
                return shell;
            }
            var tenant = await registry.FindAsync(tenantName, ct);
            if (tenant is null || tenant.State != TenantState.Running) return null;
            shell = await BuildAsync(tenant, ct);
            if (shell is null) return null;
            shell.Enter();
            _shells[tenant.Name] = shell;
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
        // Requests still working in the old shell finish in it; its idle connections close now (so the database can be dropped).
        if (_shells.TryRemove(tenantName, out var shell)) Retire(shell);
        await DisposeRetiredAsync();
    }

    private void Retire(ShellContext shell)
    {
        shell.Connections.GiveBackIdle();
        shell.RetiredAtUtc = clock.GetUtcNow();
        _retired.Enqueue(shell);
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
            if (!_shells.TryRemove(new KeyValuePair<string, ShellContext>(name, shell))) continue;
            // Its idle connections close now; the shell itself goes once no request can still be holding it.
            Retire(shell);
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
            shell.Leave();
            // A campus nobody uses is not kept alive by its background work.
            if (!wasLive && shell.LastUsedUtc < started && shell.ActiveScopes == 0
                && _shells.TryRemove(new KeyValuePair<string, ShellContext>(shell.Name, shell)))
                Retire(shell);
        }
        return true;
    }

    private async Task DisposeRetiredAsync()
    {
        var now = clock.GetUtcNow();
        for (var n = _retired.Count; n > 0 && _retired.TryDequeue(out var shell); n--)
        {
            var lastSeen = shell.LastUsedUtc > shell.RetiredAtUtc ? shell.LastUsedUtc : shell.RetiredAtUtc;
            if (shell.ActiveScopes == 0 && now - lastSeen >= RetireGrace) await shell.DisposeAsync();
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
    internal ShellContext CreateUncached(TenantInfo tenant)
    {
        var connectionString = databases.ConnectionStringFor(tenant);
        var maxPool = new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;
        return new(tenant, new CampusKonseling.Data.CampusConnections(NpgsqlDataSource.Create(connectionString), databases.BudgetFor(tenant), maxPool));
    }

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
        catch (Exception ex) when (CampusKonseling.Data.TransientFailures.IsBusy(ex))
        {
            // The server is busy, the campus is fine: the request gets "sibuk", the next one tries again.
            await shell.DisposeAsync();
            throw;
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

using System.Collections.Concurrent;
using CampusKonseling.Modules;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Jobs;

/// <summary>
/// Runs the features' background tasks in every running tenant where the feature is enabled.
/// A failing task is logged under its tenant and does not stop the others.
/// </summary>
public sealed class TenantTaskRunner(
    ITenantRegistry registry, IShellHost shells, IEnumerable<FeatureService> registrations,
    TimeProvider clock, ILogger<TenantTaskRunner> logger)
{
    private readonly FeatureService[] _tasks = registrations.Where(r => r.Kind == FeatureServiceKind.BackgroundTask).ToArray();
    private readonly ConcurrentDictionary<(string Tenant, Type Task), DateTimeOffset> _lastRun = new();
    private readonly ConcurrentDictionary<Type, TimeSpan> _intervals = new();

    public async Task RunDueAsync(CancellationToken ct)
    {
        if (_tasks.Length == 0) return;
        foreach (var tenant in await registry.ListAsync(ct))
        {
            if (tenant.State != TenantState.Running) continue;
            // A campus is visited only when one of its tasks is due, and a campus that was not live is released
            // again afterwards: background work does not keep hundreds of idle campuses in memory.
            if (!_tasks.Any(t => tenant.EnabledFeatures.Contains(t.FeatureId, StringComparer.OrdinalIgnoreCase) && IsDue(tenant.Name, t.ImplementationType))) continue;
            await shells.VisitAsync(tenant.Name, async shell =>
            {
                var ran = false;
                foreach (var task in _tasks.Where(t => shell.IsEnabled(t.FeatureId)))
                    ran |= await RunAsync(shell, task, ct);
                // A sweep over hundreds of campuses must not leave each one's pool holding a connection:
                // the server's connections are shared by all campuses (ADR 0018).
                if (ran) shell.Connections.GiveBackIdle();
            }, ct);
        }
    }

    private bool IsDue(string tenant, Type task) =>
        !_lastRun.TryGetValue((tenant, task), out var last) || !_intervals.TryGetValue(task, out var every) || clock.GetUtcNow() - last >= every;

    /// <returns>Whether the task was due and ran.</returns>
    private async Task<bool> RunAsync(ShellContext shell, FeatureService task, CancellationToken ct)
    {
        using var _ = logger.BeginScope("Tenant {Tenant}", shell.Name);
        await using var scope = shells.CreateScope(shell);
        try
        {
            var instance = (IBackgroundTask)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, task.ImplementationType);
            _intervals[task.ImplementationType] = instance.Interval;
            var key = (shell.Name, task.ImplementationType);
            var now = clock.GetUtcNow();
            if (_lastRun.TryGetValue(key, out var last) && now - last < instance.Interval) return false;
            _lastRun[key] = now;
            await instance.RunAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Background task {Task} failed in tenant {Tenant}", task.ImplementationType.Name, shell.Name);
            return true;
        }
    }
}

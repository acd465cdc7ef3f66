using CampusKonseling.Shell;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Direktori.Import;

/// <summary>
/// Runs the imports of the campuses it is woken for, one job after another until none waits. Uploads on
/// this node wake it at once; the per-campus sweep (<see cref="ImportSweep"/>) wakes it for jobs queued
/// elsewhere or left behind by a stopped node. A failing campus is logged and the others go on.
/// </summary>
public sealed class ImportWorker(IShellHost shells, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string tenant;
            try
            {
                tenant = await signal.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RunAsync(tenant, stoppingToken);
        }
    }

    private async Task RunAsync(string tenant, CancellationToken ct)
    {
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        try
        {
            var shell = await shells.GetShellAsync(tenant, ct);
            if (shell is null || !shell.IsEnabled(Startup.FeatureId)) return;
            while (!ct.IsCancellationRequested)
            {
                await using var scope = shells.CreateScope(shell);
                if (!await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunNextAsync(ct)) break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Student import of {Tenant} failed", tenant);
        }
    }
}

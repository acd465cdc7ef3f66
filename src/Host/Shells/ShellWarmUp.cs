using CampusKonseling.Host.Setup;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Right after a start, builds the EF model of every module once (process-wide, no database work), so the first
/// campus asked for after a restart does not pay for all of them: that first page took about 1.5 s, the next ones
/// a tenth of it (docs/benchmarks.md, "Many campuses per host").
/// </summary>
public sealed class ShellWarmUp(ShellHost shells, BootstrapService bootstrap, IEnumerable<FeatureService> registrations, ILogger<ShellWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bootstrap.Ready.WaitAsync(stoppingToken);
            if (await shells.GetShellAsync(TenantInfo.DefaultName, stoppingToken) is not { } host) return;
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = shells.CreateScope(host);
            foreach (var context in registrations.Where(r => r.Kind == FeatureServiceKind.DbContext))
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.ImplementationType);
                _ = db.Model;
                _ = db.Database.GetMigrations();
            }
            logger.LogDebug("Module models built in {Ms} ms", started.ElapsedMilliseconds);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Only a head start: the first request builds whatever this did not.
            logger.LogWarning(ex, "Warming up the module models failed");
        }
    }
}

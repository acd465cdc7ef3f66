using CampusKonseling.Host.Setup;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Releases campus shells idle for <c>CampusKonseling:ShellIdleSeconds</c>, so a host serving hundreds of
/// campuses keeps in memory (and holds connections for) only those in use; the next request builds one again.
/// </summary>
public sealed class ShellSweeper(ShellHost shells, ShellMetrics metrics, BootstrapService bootstrap, IOptions<CampusKonselingOptions> options, TimeProvider clock, ILogger<ShellSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = metrics; // created with the sweeper, so the gauges exist from the start
        var idle = TimeSpan.FromSeconds(Math.Max(1, options.Value.ShellIdleSeconds));
        // Looks a few times per idle period, at most every 30 s.
        var every = TimeSpan.FromSeconds(Math.Clamp(idle.TotalSeconds / 4, 0.5, 30));
        try
        {
            await bootstrap.Ready.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(every, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await shells.ReleaseIdleAsync(clock.GetUtcNow() - idle, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Idle campus shells could not be released");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

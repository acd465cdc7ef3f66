using CampusKonseling.Host.Setup;
using Quartz;

namespace CampusKonseling.Host.Jobs;

/// <summary>Starts the scheduler once the host database is ready (it may not be at first), and stops it with the host.</summary>
/// <remarks>
/// Quartz keeps one scheduler per name and process, so a host stops only a scheduler it started
/// itself. <c>CampusKonseling:RunScheduler=false</c> makes a node schedule timers without running them.
/// </remarks>
public sealed class SchedulerService(ISchedulerFactory schedulers, BootstrapService bootstrap, IConfiguration configuration, ILogger<SchedulerService> logger) : BackgroundService
{
    private IScheduler? _started;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node's scheduler has started (never when RunScheduler is false).</summary>
    public Task Running => _running.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("CampusKonseling:RunScheduler", true)) return;
        await bootstrap.Ready.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartSchedulerAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduler could not start; retrying in 10 s");
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
        }
    }

    /// <summary>Starts this node's scheduler; it picks up every trigger stored in the cluster, misfired ones included.</summary>
    private async Task StartSchedulerAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.Start(ct);
        _started = scheduler;
        _running.TrySetResult();
        logger.LogInformation("Scheduler {Instance} started", scheduler.SchedulerInstanceId);
    }

    /// <summary>Stops this node firing triggers (maintenance); stored triggers stay in the database for the cluster.</summary>
    public async Task PauseAsync(CancellationToken ct)
    {
        if (_started is { Status: SchedulerStatus.Running } scheduler) await scheduler.Standby(ct);
    }

    public async Task ResumeAsync(CancellationToken ct)
    {
        if (_started is { Status: SchedulerStatus.Standby } scheduler) await scheduler.Start(ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_started is { Status: SchedulerStatus.Running or SchedulerStatus.Standby } scheduler)
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        _started = null;
    }
}

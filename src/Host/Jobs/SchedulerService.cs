using CampusKonseling.Host.Setup;
using Quartz;

namespace CampusKonseling.Host.Jobs;

/// <summary>Starts the scheduler once the host database is ready (it may not be at first), and stops it with the host.</summary>
public sealed class SchedulerService(ISchedulerFactory schedulers, BootstrapService bootstrap, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bootstrap.Ready.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                await scheduler.Start(stoppingToken);
                logger.LogInformation("Scheduler {Instance} started", scheduler.SchedulerInstanceId);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduler could not start; retrying in 10 s");
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (scheduler.Status is SchedulerStatus.Running or SchedulerStatus.Standby) await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}

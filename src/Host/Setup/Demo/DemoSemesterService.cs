using CampusKonseling.Host.Jobs;
using CampusKonseling.Host.Recipes;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Host.Shells;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Fills each demo campus with its demo semester once, in the background after the platform is up: the campuses answer
/// from the first moment and fill while people look. A campus that has its semester (a restart) is left alone.
/// While a semester is written, the outbox worker and this node's timers wait: they would deliver the semester's mail,
/// and so complete its steps, at today's time rather than at the moments the semester is written in.
/// </summary>
public sealed class DemoSemesterService(
    BootstrapService bootstrap, RecipeFolder recipes, ShellHost shells, SchedulerService scheduler, IConfiguration configuration,
    IServiceProvider services, IOptions<DemoSemesterOptions> options, ILogger<DemoSemesterService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every demo campus has its semester (or failed to get it, which is logged).</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bootstrap.Ready.WaitAsync(stoppingToken);
            var names = recipes.Files().Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).ToList();
            var worker = services.GetServices<IHostedService>().OfType<OutboxWorker>().FirstOrDefault();
            var timers = configuration.GetValue("CampusKonseling:RunScheduler", true);
            if (worker is not null) await worker.StopAsync(stoppingToken);
            if (timers)
            {
                await scheduler.Running.WaitAsync(stoppingToken);
                await scheduler.PauseAsync(stoppingToken);
            }
            try
            {
                await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Paralel), CancellationToken = stoppingToken },
                    async (name, ct) => await FillAsync(name, ct));
                logger.LogInformation("Demo semesters: every demo campus has its semester");
            }
            finally
            {
                if (timers) await scheduler.ResumeAsync(CancellationToken.None);
                if (worker is not null && !stoppingToken.IsCancellationRequested) await worker.StartAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task FillAsync(string name, CancellationToken ct)
    {
        using var _ = logger.BeginScope("Tenant {Tenant}", name);
        try
        {
            if (await shells.GetShellAsync(name, ct) is not { } shell) return;
            await ActivatorUtilities.CreateInstance<Semester>(services, shell).FillAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One campus's failure leaves the others and the platform running; the campus keeps what was written.
            logger.LogError(ex, "Demo semester of {Tenant} failed", name);
        }
    }
}

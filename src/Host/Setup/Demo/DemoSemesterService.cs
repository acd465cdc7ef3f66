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
            var names = new List<string>();
            foreach (var name in recipes.Files().Select(f => Path.GetFileName(f)[..^".recipe.json".Length]))
                if (await NeedsAsync(name, stoppingToken)) names.Add(name);
            if (names.Count > 0)
                logger.LogInformation("Demo semesters: writing {Campuses} in the background; mail and timers wait until they are written", string.Join(", ", names));
            else
            {
                logger.LogInformation("Demo semesters: every demo campus has its semester");
                return;
            }
            var worker = services.GetServices<IHostedService>().OfType<OutboxWorker>().FirstOrDefault();
            var timers = configuration.GetValue("CampusKonseling:RunScheduler", true);
            if (timers)
            {
                await scheduler.Running.WaitAsync(stoppingToken);
                await scheduler.PauseAsync(stoppingToken);
            }
            if (worker is not null) await worker.StopAsync(stoppingToken);
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

    /// <summary>Whether a demo campus is running and has no semester yet (a restart finds them all written).</summary>
    private async Task<bool> NeedsAsync(string name, CancellationToken ct)
    {
        if (await shells.GetShellAsync(name, ct) is not { } shell) return false;
        await using var scope = shells.CreateScope(shell);
        var state = await DemoMarker.ReadAsync(scope.ServiceProvider, ct);
        if (state == DemoMarker.State.Started)
            logger.LogWarning("Demo semester of {Tenant} was interrupted and is incomplete; delete the campus at /admin/kampus and restart to write it again", name);
        return state == DemoMarker.State.None;
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

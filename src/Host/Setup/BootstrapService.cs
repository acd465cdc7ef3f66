using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Setup;

/// <summary>
/// Runs the bootstrapper before the server takes requests. When the database is not reachable
/// yet, the host still starts (health answers 503, campuses a plain 503 page) and keeps trying.
/// </summary>
public sealed class BootstrapService(HostBootstrapper bootstrapper, IOptions<CampusKonselingOptions> options, ILogger<BootstrapService> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the host database, registry and host tenant are ready.</summary>
    public Task Ready => _ready.Task;

    public override async Task StartAsync(CancellationToken ct)
    {
        await base.StartAsync(ct);
        await _firstAttempt.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bootstrapper.EnsureHostDatabaseAsync(stoppingToken);
                await bootstrapper.EnsureDefaultTenantAsync(stoppingToken);
                if (options.Value.DemoTenants) await bootstrapper.EnsureDemoTenantsAsync(stoppingToken);
                _firstAttempt.TrySetResult();
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Platform setup failed; retrying in {Seconds} s", RetryEvery.TotalSeconds);
                _firstAttempt.TrySetResult();
            }
            await Task.Delay(RetryEvery, stoppingToken);
        }
    }
}

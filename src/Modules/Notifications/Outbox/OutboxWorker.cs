using CampusKonseling.Shell;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Notifications.Outbox;

/// <summary>
/// Delivers the outboxes of the running campuses: at once for a campus that was woken; every half
/// minute for campuses with messages waiting for a retry; and every few minutes for all campuses,
/// which catches messages queued by other nodes. A failing campus is logged and the others go on.
/// Campuses without news are not visited, and a visit to a campus that was not live releases it again, so idle
/// campuses hold neither memory nor database connections.
/// </summary>
public sealed class OutboxWorker(ITenantRegistry registry, IShellHost shells, OutboxSignal signal, OutboxMetrics metrics, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FullRound = TimeSpan.FromMinutes(5);
    private readonly HashSet<string> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _lastFull = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlySet<string> tenants;
            var full = false;
            try
            {
                tenants = await signal.WaitAsync(Round, stoppingToken);
                if (tenants.Count == 0)
                {
                    if (clock.GetUtcNow() - _lastFull >= FullRound)
                    {
                        _lastFull = clock.GetUtcNow();
                        tenants = (await registry.ListAsync(stoppingToken)).Where(t => t.State == TenantState.Running).Select(t => t.Name).ToHashSet();
                        metrics.KeepOnly(tenants);
                        full = true;
                    }
                    else tenants = _waiting.ToHashSet();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox round could not list the campuses");
                continue;
            }
            foreach (var tenant in tenants) await DeliverAsync(tenant, full, stoppingToken);
        }
    }

    private async Task DeliverAsync(string tenant, bool sweep, CancellationToken ct)
    {
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        try
        {
            var visited = await shells.VisitAsync(tenant, async shell =>
            {
                if (!shell.IsEnabled("Notifications"))
                {
                    metrics.Forget(tenant);
                    return;
                }
                await using var scope = shells.CreateScope(shell);
                var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                var sent = 0;
                for (int n; (n = await delivery.DeliverAsync(ct)) > 0;) sent += n;
                if (await delivery.HasWaitingAsync(ct)) _waiting.Add(tenant);
                else _waiting.Remove(tenant);
                // A sweep over every campus must not leave each pool holding a connection (ADR 0018).
                if (sweep && sent == 0) shell.Connections.GiveBackIdle();
            }, ct);
            if (!visited) metrics.Forget(tenant);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Outbox of {Tenant} could not be delivered", tenant);
        }
    }
}

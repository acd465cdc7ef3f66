using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Setup;

/// <summary>Runs the bootstrapper before the server takes requests.</summary>
public sealed class BootstrapService(HostBootstrapper bootstrapper, IOptions<CampusKonselingOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await bootstrapper.EnsureHostDatabaseAsync(ct);
        await bootstrapper.EnsureDefaultTenantAsync(ct);
        if (options.Value.DemoTenants) await bootstrapper.EnsureDemoTenantsAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

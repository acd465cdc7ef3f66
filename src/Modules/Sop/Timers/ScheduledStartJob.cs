using CampusKonseling.Shell;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampusKonseling.Sop.Timers;

/// <summary>Starts an instance of an SOP when its schedule says so, inside the SOP's campus.</summary>
public sealed class ScheduledStartJob(IShellHost shells, ILogger<ScheduledStartJob> logger) : IJob
{
    public const string Tenant = "tenant";
    public const string Kode = "kode";
    public const string Subjek = "subjek";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(Tenant)!;
        var kode = data.GetString(Kode)!;
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        var shell = await shells.GetShellAsync(tenant, cancellationToken);
        if (shell is null || !shell.IsEnabled(Manifest.FeatureId)) return;
        await using var scope = shells.CreateScope(shell);
        var definitionId = await scope.ServiceProvider.GetRequiredService<SopDb>().Definitions
            .Where(d => d.Kode == kode).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (definitionId is null)
        {
            logger.LogWarning("Scheduled start of SOP {Kode} skipped: the SOP no longer exists", kode);
            return;
        }
        var fired = context.ScheduledFireTimeUtc ?? DateTimeOffset.UtcNow;
        await scope.ServiceProvider.GetRequiredService<SopRuntime>()
            .StartAsync(definitionId.Value, Actor.System, $"{data.GetString(Subjek)} ({fired:yyyy-MM-dd HH:mm} UTC)", null, cancellationToken, masuk: "jadwal");
    }
}

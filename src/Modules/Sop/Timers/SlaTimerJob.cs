using CampusKonseling.Shell;
using CampusKonseling.Sop.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampusKonseling.Sop.Timers;

/// <summary>Runs a reminder or an escalation inside the campus it belongs to.</summary>
public sealed class SlaTimerJob(IShellHost shells, ILogger<SlaTimerJob> logger) : IJob
{
    public const string Tenant = "tenant";
    public const string Instance = "instance";
    public const string Activation = "activation";
    public const string Kind = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(Tenant)!;
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        var shell = await shells.GetShellAsync(tenant, cancellationToken);
        if (shell is null || !shell.IsEnabled(Manifest.FeatureId))
        {
            logger.LogWarning("SLA timer skipped: campus {Tenant} is not running or has no SOP feature", tenant);
            return;
        }
        await using var scope = shells.CreateScope(shell);
        var runtime = scope.ServiceProvider.GetRequiredService<SopRuntime>();
        await runtime.OnTimerAsync(Enum.Parse<SlaKind>(data.GetString(Kind)!), Guid.Parse(data.GetString(Instance)!), Guid.Parse(data.GetString(Activation)!), cancellationToken);
    }
}

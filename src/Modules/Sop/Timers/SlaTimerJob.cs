using CampusKonseling.Shell;
using CampusKonseling.Sop.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampusKonseling.Sop.Timers;

/// <summary>Runs a reminder or an escalation inside the campus it belongs to.</summary>
public sealed class SlaTimerJob(IShellHost shells, ITenantRegistry registry, ILogger<SlaTimerJob> logger) : IJob
{
    public const string Tenant = "tenant";
    public const string Instance = "instance";
    public const string Activation = "activation";
    public const string Kind = "kind";
    private const string Postponed = "tunda";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(Tenant)!;
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        var shell = await shells.GetShellAsync(tenant, cancellationToken);
        if (shell is null && await registry.FindAsync(tenant, cancellationToken) is { State: not TenantState.Uninitialized })
        {
            // Closed for a while (being moved to another database server, disabled) or its database unreachable:
            // the reminder or escalation is kept and tried again, not lost.
            // Tried again after 1, 2, 4 … minutes, at most hourly; the step's own flags keep it from acting twice.
            var tries = data.ContainsKey(Postponed) ? data.GetInt(Postponed) : 0;
            var wait = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(tries, 6))));
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(context.JobDetail.Key)
                .WithIdentity($"{context.JobDetail.Key.Name}-tunda-{tries + 1}", QuartzSlaTimers.Group)
                .UsingJobData(Postponed, tries + 1)
                .StartAt(DateTimeOffset.UtcNow.Add(wait))
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogWarning("SLA timer of campus {Tenant} postponed by {Minutes} min: the campus is not open now", tenant, wait.TotalMinutes);
            return;
        }
        if (shell is null || !shell.IsEnabled(Manifest.FeatureId))
        {
            logger.LogWarning("SLA timer skipped: campus {Tenant} no longer exists or has no SOP feature", tenant);
            return;
        }
        await using var scope = shells.CreateScope(shell);
        var runtime = scope.ServiceProvider.GetRequiredService<SopRuntime>();
        await runtime.OnTimerAsync(Enum.Parse<SlaKind>(data.GetString(Kind)!), Guid.Parse(data.GetString(Instance)!), Guid.Parse(data.GetString(Activation)!), cancellationToken);
    }
}

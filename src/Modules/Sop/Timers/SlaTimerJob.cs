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
    /// <summary>A failing timer (its database briefly gone) is tried this often, over about two days, before it is given up.</summary>
    private const int MaxTries = 50;
    /// <summary>A timer whose activation is not (yet) in the campus is looked for after 10 s, 1 min and 6 min.</summary>
    private const int UnknownTries = 3;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(Tenant)!;
        var tries = data.ContainsKey(Postponed) ? data.GetInt(Postponed) : 0;
        using var _ = logger.BeginScope("Tenant {Tenant}", tenant);
        TimerResult outcome;
        try
        {
            var shell = await shells.GetShellAsync(tenant, cancellationToken);
            if (shell is null && await registry.FindAsync(tenant, cancellationToken) is { State: not TenantState.Uninitialized })
            {
                // Closed for a while (being moved to another database server, disabled) or its database unreachable:
                // the reminder or escalation is kept and tried again, not lost.
                var wait = await PostponeAsync(context, tries, cancellationToken);
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
            var (kind, instance, activation) = (Enum.Parse<SlaKind>(data.GetString(Kind)!), Guid.Parse(data.GetString(Instance)!), Guid.Parse(data.GetString(Activation)!));
            outcome = await runtime.EarlyAsync(kind, instance, activation, cancellationToken)
                ?? await runtime.OnTimerAsync(kind, instance, activation, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && tries < MaxTries)
        {
            // Nothing of it was kept (the mark and its notices are one transaction), or the campus could not even be
            // opened (the campus list unreadable for a moment): tried again, not lost.
            var wait = await PostponeAsync(context, tries, cancellationToken);
            logger.LogWarning(ex, "SLA timer of campus {Tenant} failed; tried again in {Minutes} min", tenant, wait.TotalMinutes);
            return;
        }
        // Its step's transition was not committed when the timer was set: looked for again a little later, a few times.
        if (outcome.Outcome == TimerOutcome.Unknown && tries < UnknownTries)
            await PostponeAsync(context, tries, cancellationToken, TimeSpan.FromSeconds(10 * Math.Pow(6, tries)));
        // Early by the step's committed time (a move that did not commit left it): fires again then.
        if (outcome is { Outcome: TimerOutcome.NotYet, At: { } at })
        {
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(context.JobDetail.Key)
                .WithIdentity($"{context.JobDetail.Key.Name}-pada-{at.UtcTicks}", QuartzSlaTimers.Group)
                .StartAt(at)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogInformation("SLA timer of campus {Tenant} fired before its step's time {At}; set again for then", tenant, at);
        }
    }

    /// <summary>Fires the job again after 1, 2, 4 … minutes (at most hourly), or after <paramref name="wait"/>; the step's own flags keep it from acting twice.</summary>
    private static async Task<TimeSpan> PostponeAsync(IJobExecutionContext context, int tries, CancellationToken ct, TimeSpan? wait = null)
    {
        var after = wait ?? TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(tries, 6))));
        await context.Scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(context.JobDetail.Key)
            .WithIdentity($"{context.JobDetail.Key.Name}-tunda-{tries + 1}", QuartzSlaTimers.Group)
            .UsingJobData(Postponed, tries + 1)
            .StartAt(DateTimeOffset.UtcNow.Add(after))
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build(), new ScheduleJobOptions { Replace = true }, ct);
        return after;
    }
}

using CampusKonseling.Sop.Engine;
using Quartz;

namespace CampusKonseling.Sop.Timers;

/// <summary>
/// SLA timers as Quartz triggers in the host's clustered job store: they survive restarts and
/// fire on one node only. A timer due while every node was down fires once, as soon as one is up.
/// </summary>
public sealed class QuartzSlaTimers(ISchedulerFactory schedulers) : ISlaTimers
{
    public const string Group = "sla";

    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(2);

    public static JobKey Key(Guid activationId, SlaKind kind) => new($"{activationId:N}-{kind}", Group);

    public async Task ScheduleAsync(string tenant, Guid instanceId, ActiveStep step, CancellationToken ct, bool moved = false)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        foreach (var (kind, at) in new[] { (SlaKind.Pengingat, step.PengingatPada), (SlaKind.JatuhTempo, step.JatuhTempo) })
        {
            if (at is null)
            {
                if (moved) await scheduler.DeleteJob(Key(step.ActivationId, kind), ct);
                continue;
            }
            var key = Key(step.ActivationId, kind);
            var job = JobBuilder.Create<SlaTimerJob>().WithIdentity(key)
                .UsingJobData(SlaTimerJob.Tenant, tenant)
                .UsingJobData(SlaTimerJob.Instance, instanceId.ToString())
                .UsingJobData(SlaTimerJob.Activation, step.ActivationId.ToString())
                .UsingJobData(SlaTimerJob.Kind, kind.ToString())
                .RequestRecovery()
                .Build();
            // A time already past (a programme moved into the past, a date set late) starts in a moment, once the transition
            // has committed as a rule: a trigger starting in the past would wait for Quartz's misfire round (up to a minute).
            var soon = DateTimeOffset.UtcNow + Moment;
            var start = at.Value > soon ? at.Value : soon;
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key).StartAt(start)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
        }
    }

    public async Task CancelAsync(Guid activationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.DeleteJobs([Key(activationId, SlaKind.Pengingat), Key(activationId, SlaKind.JatuhTempo)], ct);
    }
}

using CampusKonseling.Sop.Definitions;
using Quartz;

namespace CampusKonseling.Sop.Timers;

/// <summary>
/// Keeps an SOP's "jadwal" as cron triggers in the clustered scheduler: each fire starts an
/// instance on the SOP's current version. A new version replaces the SOP's triggers.
/// </summary>
public sealed class SopSchedules(ISchedulerFactory schedulers)
{
    /// <summary>One group per campus and SOP, so a new version replaces exactly that SOP's schedules.</summary>
    public static string Group(string tenant, string kode) => $"sop-jadwal|{tenant}|{kode}";

    public async Task SyncAsync(string tenant, SopDefinition sop, TimeZoneInfo zone, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var group = Group(tenant, sop.Kode);
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(group), ct);
        for (var i = 0; i < sop.Jadwal.Count; i++)
        {
            var key = new JobKey($"jadwal-{i}", group);
            var job = JobBuilder.Create<ScheduledStartJob>().WithIdentity(key)
                .UsingJobData(ScheduledStartJob.Tenant, tenant)
                .UsingJobData(ScheduledStartJob.Kode, sop.Kode)
                .UsingJobData(ScheduledStartJob.Subjek, sop.Jadwal[i].Subjek ?? sop.Judul)
                .Build();
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, group).ForJob(key)
                .WithSchedule(CronScheduleBuilder.Create(sop.Jadwal[i].Cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
        }
    }
}

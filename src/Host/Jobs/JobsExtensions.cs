using Quartz;

namespace CampusKonseling.Host.Jobs;

public static class JobsExtensions
{
    public static IServiceCollection AddTenantJobs(this IServiceCollection services)
    {
        services.AddSingleton<TenantTaskRunner>();
        services.AddQuartz(q =>
        {
            q.AddJob<TenantTasksJob>(j => j.WithIdentity(TenantTasksJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddTrigger(t => t.ForJob(TenantTasksJob.Key).WithIdentity("tenant-tasks-tick")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

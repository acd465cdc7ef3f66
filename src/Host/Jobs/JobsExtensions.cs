using Quartz;

namespace CampusKonseling.Host.Jobs;

/// <summary>
/// One Quartz scheduler for all campuses, with its job store in the host database, clustered:
/// timers survive restarts and fire on one node only. Jobs carry their campus's name and run
/// inside that campus's shell.
/// </summary>
public static class JobsExtensions
{
    public static IServiceCollection AddTenantJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenantTaskRunner>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "CampusKonseling";
                o.GenerateInstanceId = true;
                // Wake at least this often to look for triggers other nodes scheduled (SLA timers are minutes to days).
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(configuration.GetConnectionString("Default")!);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(5);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                });
                store.ProvisionSchema();
            });
            q.AddJob<TenantTasksJob>(j => j.WithIdentity(TenantTasksJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddTrigger(t => t.ForJob(TenantTasksJob.Key).WithIdentity("tenant-tasks-tick")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()));
        });
        services.AddSingleton<SchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
        return services;
    }
}

using Quartz;

namespace CampusKonseling.Host.Jobs;

/// <summary>Quartz's tick for the tenants' background tasks; never runs twice at once on a node.</summary>
[DisallowConcurrentExecution]
public sealed class TenantTasksJob(TenantTaskRunner runner) : IJob
{
    public static readonly JobKey Key = new("tenant-tasks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await runner.RunDueAsync(cancellationToken);
}

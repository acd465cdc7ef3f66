using System.Collections.Concurrent;
using CampusKonseling.Host.Jobs;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampusKonseling.Tests.Features;

/// <summary>A feature's background task runs only in campuses where the feature is enabled, each under its own tenant.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BackgroundTaskTests(PlatformFixture platform)
{
    private static readonly ConcurrentBag<string> Ran = [];

    private sealed class RecordingTask(CurrentShell current) : IBackgroundTask
    {
        public TimeSpan Interval => TimeSpan.FromMinutes(5);
        public Task RunAsync(CancellationToken ct)
        {
            Ran.Add(current.Shell.Name);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingTask(CurrentShell current) : IBackgroundTask
    {
        public TimeSpan Interval => TimeSpan.FromMinutes(5);
        public Task RunAsync(CancellationToken ct) =>
            current.Shell.Name.StartsWith("gagal") ? throw new InvalidOperationException("rusak") : Task.CompletedTask;
    }

    [Fact]
    public async Task Tasks_run_where_their_feature_is_enabled_only_and_failures_stay_in_their_tenant()
    {
        var withPages = await platform.CreateTenantAsync("unipma", "gagal");
        var alsoWithPages = await platform.CreateTenantAsync("unpam", "tugas");
        var withoutPages = await platform.CreateTenantAsync("iuqi", "tanpa");
        await platform.SetFeatureAsync(withoutPages, "Pages", enabled: false);
        var shells = platform.Services.GetRequiredService<IShellHost>();

        var runner = new TenantTaskRunner(
            platform.Services.GetRequiredService<ITenantRegistry>(), shells,
            [
                new FeatureService("Pages", FeatureServiceKind.BackgroundTask, typeof(IBackgroundTask), typeof(FailingTask)),
                new FeatureService("Pages", FeatureServiceKind.BackgroundTask, typeof(IBackgroundTask), typeof(RecordingTask)),
            ],
            TimeProvider.System, NullLogger<TenantTaskRunner>.Instance);
        await runner.RunDueAsync(CancellationToken.None);

        Assert.Contains(withPages.Name, Ran);
        Assert.Contains(alsoWithPages.Name, Ran);
        Assert.DoesNotContain(withoutPages.Name, Ran);

        // Within the interval nothing runs again.
        var count = Ran.Count;
        await runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(count, Ran.Count);
    }
}

using System.Net;
using CampusKonseling.Host.Shells;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>A host serving hundreds of campuses keeps only those in use: an idle campus's shell is released and built again by its next request.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ShellReleaseTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_idle_campus_is_released_and_its_next_request_builds_it_again()
    {
        var idle = await platform.CreateTenantAsync("unipma", "idle");
        var busy = await platform.CreateTenantAsync("iuqi", "busy");
        // A node of its own (only scheduling, as in FarmTests), releasing campuses idle for 2 s.
        await using var node = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .UseSetting("CampusKonseling:RunScheduler", "false").UseSetting("CampusKonseling:ShellIdleSeconds", "2"));
        using var http = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var shells = node.Services.GetRequiredService<ShellHost>();

        await GetPageAsync(http, idle);
        Assert.True(shells.IsLive(idle.Name));
        var first = await node.Services.GetRequiredService<IShellHost>().GetShellAsync(idle.Name);

        // The busy campus is asked for every half second and stays; the idle one goes.
        var started = DateTime.UtcNow;
        while (shells.IsLive(idle.Name) && DateTime.UtcNow - started < TimeSpan.FromSeconds(20))
        {
            await GetPageAsync(http, busy);
            await Task.Delay(500);
        }
        Assert.False(shells.IsLive(idle.Name), "the idle campus was not released within 20 s");
        Assert.True(shells.IsLive(busy.Name));
        // The registry still knows it: released is not removed.
        Assert.Equal(TenantState.Running, (await node.Services.GetRequiredService<ITenantRegistry>().FindAsync(idle.Name))!.State);

        // Its next request builds a new shell and is served as before.
        await GetPageAsync(http, idle);
        Assert.True(shells.IsLive(idle.Name));
        Assert.NotSame(first, await node.Services.GetRequiredService<IShellHost>().GetShellAsync(idle.Name));
        // The released shell's connections went back to the server's budget.
        Assert.True(first!.Connections.Held == 0, $"the released shell still holds {first.Connections.Held} connection slot(s)");
    }

    [Fact]
    public async Task Background_visits_do_not_keep_an_idle_campus_in_memory()
    {
        var campus = await platform.CreateTenantAsync("unpam", "visit");
        await using var node = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .UseSetting("CampusKonseling:RunScheduler", "false").UseSetting("CampusKonseling:ShellIdleSeconds", "600"));
        _ = node.Services; // started
        var shells = node.Services.GetRequiredService<ShellHost>();
        Assert.False(shells.IsLive(campus.Name));

        var ran = false;
        Assert.True(await shells.VisitAsync(campus.Name, shell =>
        {
            ran = shell.Name == campus.Name;
            return Task.CompletedTask;
        }));
        Assert.True(ran);
        // Built for the visit and released after it, not kept for the ten idle minutes a request would keep it.
        Assert.False(shells.IsLive(campus.Name));
        Assert.False(await shells.VisitAsync("tidak-ada-" + Guid.NewGuid().ToString("N")[..6], _ => throw new InvalidOperationException("must not run")));
    }

    [Fact]
    public async Task A_campus_asked_for_while_the_host_database_is_unreachable_is_still_released_when_idle()
    {
        var campus = await platform.CreateTenantAsync("unipma", "putus");
        var registry = new FlakyRegistry();
        await using var node = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .UseSetting("CampusKonseling:RunScheduler", "false").UseSetting("CampusKonseling:ShellIdleSeconds", "600")
            .ConfigureTestServices(services => services.AddSingleton<ITenantRegistry>(sp => registry.Around(sp))));
        var shells = node.Services.GetRequiredService<ShellHost>();
        Assert.NotNull(await shells.GetShellAsync(campus.Name));

        // The host database goes away while a request asks for the campus: the request fails, the campus is not kept busy.
        registry.Down = true;
        await Assert.ThrowsAsync<NpgsqlException>(() => shells.GetShellAsync(campus.Name));
        registry.Down = false;
        Assert.True(await shells.ReleaseIdleAsync(DateTimeOffset.UtcNow.AddSeconds(1)) >= 1);
        Assert.False(shells.IsLive(campus.Name));
    }

    /// <summary>The campus's home page, served from its own database (its links carry its prefix).</summary>
    private static async Task GetPageAsync(HttpClient http, TestTenant campus)
    {
        using var response = await http.GetAsync($"/{campus.Prefix}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/{campus.Prefix}/", await response.Content.ReadAsStringAsync());
    }
}

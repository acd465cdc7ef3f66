using System.Collections.Concurrent;
using System.Net;
using CampusKonseling.Host.Shells;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>
/// All campuses of a database server share one connection budget: the server sees at most that many
/// connections however many campuses are busy, and requests wait for one instead of failing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConnectionBudgetTests(PlatformFixture platform)
{
    [Fact]
    public async Task Eight_busy_campuses_share_three_connections_and_every_request_is_served()
    {
        var recipes = new[] { "unipma", "unpam", "ipdn", "iuqi" };
        var campuses = new List<TestTenant>();
        for (var i = 0; i < 8; i++) campuses.Add(await platform.CreateTenantAsync(recipes[i % recipes.Length], "budget"));
        var node = "budget-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = Node(node, maxConnections: 3, waitSeconds: 60);
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // While every campus is asked for six pages at once, the server is watched for this node's connections.
        using var watching = new CancellationTokenSource();
        var seen = new ConcurrentBag<int>();
        var watcher = Task.Run(async () =>
        {
            await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor("postgres"));
            await conn.OpenAsync();
            while (!watching.IsCancellationRequested)
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", conn)
                    { Parameters = { new() { Value = "campuskonseling:" + node } } };
                seen.Add(Convert.ToInt32(await count.ExecuteScalarAsync()));
                await Task.Delay(5);
            }
        });
        var paths = new[] { "/", "/formulir", "/", "/formulir", "/", "/formulir" };
        var responses = await Task.WhenAll(campuses.SelectMany(c => paths.Select(async p =>
        {
            using var response = await http.GetAsync($"/{c.Prefix}{p}");
            return (c.Prefix, p, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));
        await watching.CancelAsync();
        await watcher;

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"/{r.Prefix}{r.p}: {(int)r.StatusCode}"));
        Assert.All(responses, r => Assert.Contains($"/{r.Prefix}/", r.Body));
        var budget = host.Services.GetRequiredService<TenantDatabases>().Budgets.Single(b => b.Server == TenantInfo.MainServer);
        // The limit was reached (requests waited), and the server never saw more than it.
        Assert.True(budget.Waits > 0, "no request had to wait: the test did not reach the budget");
        Assert.True(budget.Peak <= 3, $"{budget.Peak} slots were taken at once");
        // A connection given back is closed at once, but its server process may still be listed for a moment as it exits.
        Assert.True(seen.Max() <= 3 + 1, $"the server saw {seen.Max()} connections of this node");
        Assert.True(seen.Max() >= 1, "the watcher never saw this node's connections");
    }

    [Fact]
    public async Task A_request_that_waits_too_long_gets_a_busy_page_not_an_error()
    {
        var campus = await platform.CreateTenantAsync("unipma", "sibuk");
        await using var host = Node("sibuk-" + Guid.NewGuid().ToString("N")[..8], maxConnections: 1, waitSeconds: 1);
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var warm = await http.GetAsync($"/{campus.Prefix}/")) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        // Someone holds the server's only connection.
        var shell = (await host.Services.GetRequiredService<IShellHost>().GetShellAsync(campus.Name))!;
        await using (var held = await shell.Connections.OpenConnectionAsync())
        {
            using var busy = await http.GetAsync($"/{campus.Prefix}/formulir");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.NotNull(busy.Headers.RetryAfter);
            var page = await busy.Content.ReadAsStringAsync();
            Assert.Contains("Layanan sedang sibuk", page);
            Assert.DoesNotContain("Exception", page);
        }
        // Given back, the next request is served.
        using var after = await http.GetAsync($"/{campus.Prefix}/formulir");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static WebApplicationFactory<Program> Node(string name, int maxConnections, int waitSeconds) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .UseSetting("CampusKonseling:RunScheduler", "false")
            .UseSetting("CampusKonseling:NodeName", name)
            .UseSetting("CampusKonseling:Database:MaxConnections", maxConnections.ToString())
            .UseSetting("CampusKonseling:Database:WaitSeconds", waitSeconds.ToString()));
}

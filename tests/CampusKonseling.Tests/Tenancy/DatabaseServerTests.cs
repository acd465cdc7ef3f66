using System.Net;
using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>
/// A province spreads its campuses over several PostgreSQL servers: a campus's server is part of its registry
/// entry, and one host serves campuses on both. ./test.sh starts the second server (CK_TEST_SECOND_SERVER).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DatabaseServerTests(PlatformFixture platform)
{
    private static string SecondServer => Environment.GetEnvironmentVariable("CK_TEST_SECOND_SERVER")
        ?? throw new InvalidOperationException("CK_TEST_SECOND_SERVER is not set: run the tests with ./test.sh, which starts a second PostgreSQL server.");

    [Fact]
    public async Task A_campus_on_a_second_server_is_served_beside_one_on_the_first()
    {
        var second = SecondServer;
        var first = await platform.CreateTenantAsync("unipma", "srv1");
        await using var node = TestHost.Start(b => b
            .UseSetting("CampusKonseling:RunScheduler", "false")
            .UseSetting("CampusKonseling:Servers:kedua:ConnectionString", second)
            .UseSetting("CampusKonseling:Servers:kedua:MaxConnections", "10"));
        var manager = node.Services.GetRequiredService<TenantManager>();
        Assert.Equal([TenantInfo.MainServer, "kedua"], manager.DatabaseServers);

        // An unknown server is refused in Indonesian, and leaves nothing behind.
        var name = platform.NewTenantName("srv");
        var recipe = Path.Combine(RepoPaths.Recipes, "iuqi.recipe.json");
        var refused = await manager.CreateFromRecipeAsync(new NewTenant(name, "Kampus di server lain", name, [], recipe, Server: "ketiga"), null);
        Assert.Contains(refused.Errors, e => e.Contains("Server basis data 'ketiga' tidak dikenal"));
        Assert.Null(await node.Services.GetRequiredService<ITenantRegistry>().FindAsync(name));

        var created = await manager.CreateFromRecipeAsync(new NewTenant(name, "Kampus di server lain", name, [], recipe, Server: "kedua"),
            new SetupAdmin($"admin@{name}.test", "Rahasia-uji-123"));
        Assert.True(created.Succeeded, string.Join("\n", created.Errors.Concat(created.RecipeErrors.Select(e => e.ToString()))));
        var entry = (await node.Services.GetRequiredService<ITenantRegistry>().FindAsync(name))!;
        Assert.Equal("kedua", entry.Server);

        // Its database is on the second server, not on the first.
        Assert.True(await ExistsOnSecondAsync(entry.DatabaseName));
        Assert.False(await TestDatabase.DatabaseExistsAsync(entry.DatabaseName));

        using var client = new TestClient(node.BaseAddress);
        foreach (var prefix in new[] { name, first.Prefix })
        {
            using var page = await client.GetAsync($"/{prefix}/formulir");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"/{prefix}/", await page.Content.ReadAsStringAsync());
        }
        // Its administrator signs in there, against the user table on its own server.
        await client.SignInAsync(name, $"admin@{name}.test", "Rahasia-uji-123");
        using (var admin = await client.GetAsync($"/{name}/admin"))
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        // Each server has its own budget.
        var budgets = node.Services.GetRequiredService<CampusKonseling.Host.Shells.TenantDatabases>().Budgets;
        Assert.Contains(budgets, b => b.Server == "kedua" && b.Limit == 10);

        // Deleting it drops its database on the second server.
        await manager.DeleteAsync(name);
        Assert.False(await ExistsOnSecondAsync(entry.DatabaseName));
    }

    [Fact]
    public async Task An_operator_moves_a_campus_to_the_second_server_and_it_works_there()
    {
        _ = SecondServer;
        var campus = await platform.CreateTenantAsync("unpam", "pindah");
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);

        // A server the host does not know is refused, and the campus stays open where it was.
        var unknown = await Cli.RunAsync("tenants", "move", campus.Name, "--server", "ketiga");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Server basis data 'ketiga' tidak dikenal", unknown.Error);
        Assert.Equal(TenantState.Running, (await platform.Services.GetRequiredService<ITenantRegistry>().ListFreshAsync(TimeSpan.Zero)).Single(t => t.Name == campus.Name).State);

        var moved = await Cli.RunAsync("tenants", "move", campus.Name, "--server", "kedua", "--drop-source");
        Assert.True(moved.Code == 0, moved.Output + moved.Error);
        Assert.Contains("verified:", moved.Output);
        Assert.Contains("moved to server kedua", moved.Output);

        var entry = (await platform.Services.GetRequiredService<ITenantRegistry>().ListFreshAsync(TimeSpan.Zero)).Single(t => t.Name == campus.Name);
        Assert.Equal("kedua", entry.Server);
        Assert.Equal(TenantState.Running, entry.State);
        Assert.True(await ExistsOnSecondAsync(campus.Database));
        Assert.False(await TestDatabase.DatabaseExistsAsync(campus.Database));
        var listed = (await Cli.RunAsync("tenants", "list")).Output.Split('\n').Single(l => l.StartsWith(campus.Name + "\t"));
        Assert.StartsWith($"{campus.Name}\tRunning\t", listed);
        Assert.EndsWith("\tkedua", listed.TrimEnd());

        // The running platform serves it from there (it sees the change within its registry cache): the same
        // administrator signs in again, against the moved user table.
        using var again = platform.Client();
        var started = DateTime.UtcNow;
        while (true)
        {
            using var page = await again.GetAsync($"/{campus.Prefix}/akun/masuk");
            if (page.StatusCode == HttpStatusCode.OK || DateTime.UtcNow - started > TimeSpan.FromSeconds(30)) break;
            await Task.Delay(500);
        }
        await again.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        using var admin = await again.GetAsync($"/{campus.Prefix}/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        await platform.Services.GetRequiredService<TenantManager>().DeleteAsync(campus.Name);
        Assert.False(await ExistsOnSecondAsync(campus.Database));
    }

    private static async Task<bool> ExistsOnSecondAsync(string database)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(SecondServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
        return await cmd.ExecuteScalarAsync() is not null;
    }
}

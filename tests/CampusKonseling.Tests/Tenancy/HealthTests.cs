using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Tests.Tenancy;

[Collection(PlatformCollection.Name)]
public sealed class HealthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_is_200_with_the_host_database_status()
    {
        using var client = platform.Client();
        using var response = await client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("hostDatabase").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_the_host_database_cannot_be_reached_and_the_host_still_runs()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=tidak_ada;Username=x;Password=x;Timeout=2",
                ["CampusKonseling:RunScheduler"] = "false",
            }));
        });
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("hostDatabase").GetString());

        using var page = await client.GetAsync("/unipma/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("Platform sedang mengalami gangguan", text);
        Assert.DoesNotContain("Exception", text);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Metrics;

/// <summary>
/// /metrics on the running host: open to loopback, refused with no data to anyone else without the token.
/// "Anyone else" arrives as a reverse proxy on the same machine relays them: from loopback, with X-Forwarded-For.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MetricsEndpointTests(PlatformFixture platform)
{
    [Fact]
    public async Task Loopback_reads_the_prometheus_text_with_runtime_and_request_metrics_and_health_still_answers()
    {
        using var client = platform.Client();
        using (await client.GetAsync("health")) { }
        var scrape = await Scrape.WaitForAsync(platform, s => Task.FromResult(s.Samples.Any(x => x.Name == "http_server_request_duration_seconds_count")));
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape.Text);
        Assert.Contains(scrape.Samples, s => s.Name.StartsWith("dotnet_gc_") || s.Name.StartsWith("dotnet_process_"));
        Assert.Contains(scrape.Samples, s => s.Name == "target_info" && s["service_name"] == "campuskonseling");

        using var metrics = await client.GetAsync("metrics");
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType!.MediaType);

        using var health = await client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_from_elsewhere_without_the_token_or_with_a_wrong_one_gets_401_and_no_data()
    {
        using var client = platform.Client();
        using (var none = await FromAsync(client, "203.0.113.7", token: null))
            await AssertRefusedAsync(none, HttpStatusCode.Unauthorized);
        using (var wrong = await FromAsync(client, "203.0.113.7", token: "bukan-token-yang-benar-123"))
            await AssertRefusedAsync(wrong, HttpStatusCode.Unauthorized);
        // A wrong token is refused even where no token is needed: the scraper's setting is wrong and should hear so.
        using (var wrongFromLoopback = await FromAsync(client, forwardedFor: null, token: "bukan-token-yang-benar-123"))
            await AssertRefusedAsync(wrongFromLoopback, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_token_or_an_allowed_network_opens_it_from_elsewhere()
    {
        using var client = platform.Client();
        using var withToken = await FromAsync(client, "203.0.113.7", PlatformFixture.MetricsToken);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("# TYPE", await withToken.Content.ReadAsStringAsync());

        using var fromNetwork = await FromAsync(client, "198.51.100.20", token: null); // in PlatformFixture.MetricsNetwork
        Assert.Equal(HttpStatusCode.OK, fromNetwork.StatusCode);
        Assert.Contains("# TYPE", await fromNetwork.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_campus_can_take_the_prefix_metrics()
    {
        var manager = platform.Services.GetRequiredService<TenantManager>();
        var errors = await manager.CreateAsync(new NewTenant(platform.NewTenantName("m"), "Kampus Metrik", "metrics", [], Path.Combine(RepoPaths.Recipes, "iuqi.recipe.json")));
        Assert.Contains("Prefiks URL 'metrics' dipakai oleh platform; pilih yang lain.", errors);
    }

    private static Task<HttpResponseMessage> FromAsync(TestClient client, string? forwardedFor, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.Http.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("# TYPE", body);
        Assert.DoesNotContain("campuskonseling_", body);
        Assert.DoesNotContain("http_server", body);
    }
}

using System.Net;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>Two nodes on one database behave as one platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FarmTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_second_node_accepts_the_sign_in_made_on_the_first_and_knows_new_campuses()
    {
        // In one test process both nodes would share Quartz's scheduler, so the second node only schedules.
        await using var node2 = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing").UseSetting("CampusKonseling:RunScheduler", "false"));
        using var http2 = node2.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await http2.GetAsync("/health")).StatusCode);

        // Created after node 2 started: node 2 must find it at once.
        var campus = await platform.CreateTenantAsync("iuqi", "node");
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        var cookies = client.Cookies.GetCookieHeader(new Uri(platform.BaseAddress, $"{campus.Prefix}/admin"));

        // A node re-reads the registry for an unknown campus at most once a second.
        HttpResponseMessage response;
        var started = DateTime.UtcNow;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/{campus.Prefix}/admin");
            request.Headers.Add("Cookie", cookies);
            response = await http2.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NotFound) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Institut Ummul Quro", await response.Content.ReadAsStringAsync());
        response.Dispose();
    }
}

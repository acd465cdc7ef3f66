using System.Net;
using CampusKonseling.Host.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Behind nginx the platform sees the browser's address and scheme (X-Forwarded-For, X-Forwarded-Proto), but only
/// from the proxies it was told about (CampusKonseling:ForwardedHeaders, docs/operations.md) and from loopback:
/// anyone else who sends the headers is seen as they are, so rate limits, the audit trail and the HTTPS-only
/// cookie rules cannot be fooled from the campus network. The same options the host uses (ForwardedHeadersSetup).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Browser = "203.0.113.7";

    [Theory]
    // A proxy on the same machine (nginx in front of one node) needs no setting.
    [InlineData("127.0.0.1", null, null, Browser, "https")]
    [InlineData("::1", null, null, Browser, "https")]
    // Anyone else is not believed unless named.
    [InlineData("192.0.2.10", null, null, "192.0.2.10", "http")]
    [InlineData("192.0.2.10", "192.0.2.10", null, Browser, "https")]
    [InlineData("192.0.2.11", "192.0.2.10", null, "192.0.2.11", "http")]
    [InlineData("10.20.3.4", null, "10.20.0.0/16", Browser, "https")]
    [InlineData("10.21.3.4", null, "10.20.0.0/16", "10.21.3.4", "http")]
    [InlineData("10.20.3.4", "192.0.2.10", "10.20.0.0/16", Browser, "https")]
    public async Task Forwarded_headers_are_believed_only_from_the_trusted_proxies(string from, string? knownProxies, string? knownNetworks, string seenAddress, string seenScheme)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CampusKonseling:ForwardedHeaders:KnownProxies"] = knownProxies, ["CampusKonseling:ForwardedHeaders:KnownNetworks"] = knownNetworks,
        };
        var (address, scheme) = await SeenAsync(settings, from, Browser, "https");
        Assert.Equal((IPAddress.Parse(seenAddress), seenScheme), (address, scheme));
    }

    [Fact]
    public async Task Only_the_entry_the_trusted_proxy_added_is_believed_not_what_the_client_wrote_before_it()
    {
        var (address, _) = await SeenAsync(new(), "127.0.0.1", $"6.6.6.6, {Browser}", "https");
        Assert.Equal(IPAddress.Parse(Browser), address);
        var (twoProxies, _) = await SeenAsync(new() { ["CampusKonseling:ForwardedHeaders:ForwardLimit"] = "2", ["CampusKonseling:ForwardedHeaders:KnownProxies"] = "10.0.0.2" },
            "127.0.0.1", $"{Browser}, 10.0.0.2", "https");
        Assert.Equal(IPAddress.Parse(Browser), twoProxies);
    }

    [Fact]
    public void A_proxy_address_that_is_not_one_is_refused_at_start_with_the_setting_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CampusKonseling:ForwardedHeaders:KnownProxies:0"] = "nginx.kampus.ac.id",
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.FromConfiguration(configuration));
        Assert.Equal("CampusKonseling:ForwardedHeaders:KnownProxies: 'nginx.kampus.ac.id' is not an IP address.", error.Message);
    }

    private static async Task<(IPAddress? Address, string Scheme)> SeenAsync(Dictionary<string, string?> settings, string from, string forwardedFor, string proto)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        await using var app = builder.Build();
        app.UseForwardedHeaders(ForwardedHeadersSetup.FromConfiguration(app.Configuration));
        app.Run(_ => Task.CompletedTask);
        await app.StartAsync();
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.Headers["X-Forwarded-Proto"] = proto;
        });
        return (context.Connection.RemoteIpAddress, context.Request.Scheme);
    }
}

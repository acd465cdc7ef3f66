using System.Net;
using CampusKonseling.Host.Metrics;
using Decision = CampusKonseling.Host.Metrics.MetricsAccess.Decision;

namespace CampusKonseling.Tests.Metrics;

/// <summary>Who may read /metrics, decided without a web host: addresses, networks and the bearer token.</summary>
public sealed class MetricsAccessTests
{
    private const string Token = "0123456789abcdef-prometheus";
    private static readonly IPAddress Outside = IPAddress.Parse("203.0.113.9");

    [Fact]
    public void Loopback_reads_without_a_token_and_the_rest_of_the_world_does_not()
    {
        var access = new MetricsAccess(allowLoopback: true, [], bearerToken: null);
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Loopback, null));
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.IPv6Loopback, null));
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Loopback.MapToIPv6(), null));
        // No token configured: nothing the caller could send would help, so 403 and not an invitation to authenticate.
        Assert.Equal(Decision.Forbidden, access.Decide(Outside, null));
        Assert.Equal(Decision.Forbidden, access.Decide(null, null));
        Assert.Equal(Decision.Unauthorized, access.Decide(Outside, "Bearer anything-at-all-here"));
    }

    [Fact]
    public void Loopback_can_be_closed_too()
    {
        var access = new MetricsAccess(allowLoopback: false, [], bearerToken: Token);
        Assert.Equal(Decision.Unauthorized, access.Decide(IPAddress.Loopback, null));
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Loopback, $"Bearer {Token}"));
    }

    [Fact]
    public void An_allowed_network_reads_without_a_token_including_ipv4_mapped_addresses()
    {
        var access = new MetricsAccess(allowLoopback: true, ["10.20.0.0/16", "2001:db8::/32"], bearerToken: null);
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Parse("10.20.3.4"), null));
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Parse("10.20.3.4").MapToIPv6(), null));
        Assert.Equal(Decision.Allowed, access.Decide(IPAddress.Parse("2001:db8::7"), null));
        Assert.Equal(Decision.Forbidden, access.Decide(IPAddress.Parse("10.21.0.1"), null));
    }

    [Fact]
    public void Only_the_exact_bearer_token_opens_it_from_elsewhere_and_a_wrong_one_is_refused_even_from_loopback()
    {
        var access = new MetricsAccess(allowLoopback: true, [], Token);
        Assert.Equal(Decision.Allowed, access.Decide(Outside, $"Bearer {Token}"));
        Assert.Equal(Decision.Allowed, access.Decide(Outside, $"bearer   {Token} "));
        Assert.Equal(Decision.Unauthorized, access.Decide(Outside, null));
        Assert.Equal(Decision.Unauthorized, access.Decide(Outside, $"Bearer {Token}x"));
        Assert.Equal(Decision.Unauthorized, access.Decide(Outside, $"Bearer {Token[..^1]}"));
        Assert.Equal(Decision.Unauthorized, access.Decide(Outside, $"Basic {Token}"));
        Assert.Equal(Decision.Unauthorized, access.Decide(IPAddress.Loopback, "Bearer salah-token-1234567890"));
    }

    [Fact]
    public void A_short_token_or_a_malformed_network_stops_the_start_with_the_setting_named()
    {
        var shortToken = Assert.Throws<InvalidOperationException>(() => new MetricsAccess(true, [], "rahasia"));
        Assert.Contains("CampusKonseling:Metrics:BearerToken", shortToken.Message);
        var network = Assert.Throws<InvalidOperationException>(() => new MetricsAccess(true, ["10.0.0.0/33"], null));
        Assert.Contains("CampusKonseling:Metrics:AllowedNetworks", network.Message);
        Assert.Contains("10.0.0.0/33", network.Message);
    }
}

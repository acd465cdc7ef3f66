using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in
/// CampusKonseling:ForwardedHeaders (KnownProxies: addresses, KnownNetworks: CIDR ranges); loopback is
/// always trusted, for a proxy on the same machine. From anyone else the headers are ignored, so a client
/// cannot choose the address that rate limits and the audit trail see. X-Forwarded-Host is never used:
/// links are built from the configured public address, not from the request.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "CampusKonseling:ForwardedHeaders";

    public static ForwardedHeadersOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One proxy in front by default: only its last entry is taken, the rest is the client's to invent.
            ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1),
        };
        foreach (var proxy in Values(configuration, "KnownProxies"))
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip) ? ip
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in Values(configuration, "KnownNetworks"))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8."));
        return options;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries));
    }
}

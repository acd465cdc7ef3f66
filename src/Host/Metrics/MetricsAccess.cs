using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CampusKonseling.Host.Metrics;

/// <summary>
/// Who may read /metrics (CampusKonseling:Metrics, docs/metrics.md): loopback unless AllowLoopback is false, the
/// networks in AllowedNetworks, and anyone presenting BearerToken. A request that presents any other credentials
/// is refused even from an allowed address: a scraper configured with a wrong token should hear so. The address is
/// the one after the forwarded headers of a trusted proxy, so a public request relayed by nginx on the same machine
/// is not taken for loopback.
/// </summary>
public sealed class MetricsAccess
{
    public const string Section = "CampusKonseling:Metrics";
    private const int MinimumTokenLength = 16;

    public enum Decision { Allowed, Unauthorized, Forbidden }

    private readonly bool _allowLoopback;
    private readonly IReadOnlyList<System.Net.IPNetwork> _networks;
    private readonly byte[]? _tokenHash;

    public MetricsAccess(bool allowLoopback, IEnumerable<string> allowedNetworks, string? bearerToken)
    {
        _allowLoopback = allowLoopback;
        _networks = allowedNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var range) ? range
            : throw new InvalidOperationException($"{Section}:AllowedNetworks: '{n}' is not a CIDR range such as 10.0.0.0/8.")).ToList();
        if (!string.IsNullOrEmpty(bearerToken))
        {
            if (bearerToken.Trim().Length < MinimumTokenLength)
                throw new InvalidOperationException($"{Section}:BearerToken is shorter than {MinimumTokenLength} characters; use a long random value, e.g. from `openssl rand -hex 32`.");
            _tokenHash = Hash(bearerToken.Trim());
        }
    }

    public bool HasToken => _tokenHash is not null;

    public static MetricsAccess FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("AllowedNetworks");
        var networks = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries));
        return new MetricsAccess(configuration.GetValue("AllowLoopback", true), networks, configuration["BearerToken"]);
    }

    public Decision Decide(IPAddress? remote, string? authorization)
    {
        if (!string.IsNullOrWhiteSpace(authorization))
            return _tokenHash is not null && BearerToken(authorization) is { } token && CryptographicOperations.FixedTimeEquals(Hash(token), _tokenHash)
                ? Decision.Allowed : Decision.Unauthorized;
        if (remote is not null)
        {
            if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
            if (_allowLoopback && IPAddress.IsLoopback(remote)) return Decision.Allowed;
            if (_networks.Any(n => n.Contains(remote))) return Decision.Allowed;
        }
        // Without a token configured, no header could help: 403 rather than an invitation to authenticate.
        return _tokenHash is null ? Decision.Forbidden : Decision.Unauthorized;
    }

    private static string? BearerToken(string authorization)
    {
        var parts = authorization.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }

    // Hashes have the same length whatever the token's, so the comparison tells nothing about it.
    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

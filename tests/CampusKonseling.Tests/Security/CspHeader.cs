using System.Text.RegularExpressions;

namespace CampusKonseling.Tests.Security;

/// <summary>A Content-Security-Policy header read as a browser reads it: directive name → its sources.</summary>
public sealed partial class CspHeader
{
    private readonly Dictionary<string, string[]> _directives;

    private CspHeader(Dictionary<string, string[]> directives) => _directives = directives;

    public static CspHeader From(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{response.RequestMessage?.RequestUri} has no Content-Security-Policy");
        var directives = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in string.Join(';', values!).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            directives.TryAdd(words[0], words[1..]); // the first of a repeated directive is the one that counts
        }
        return new CspHeader(directives);
    }

    public string[] this[string directive] => _directives.GetValueOrDefault(directive) ?? [];
    public bool Has(string directive) => _directives.ContainsKey(directive);

    /// <summary>The nonce that script-src allows, or null.</summary>
    public string? Nonce => this["script-src"].Select(s => NoncePattern().Match(s)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    [GeneratedRegex("^'nonce-([A-Za-z0-9+/=_-]+)'$")]
    private static partial Regex NoncePattern();
}

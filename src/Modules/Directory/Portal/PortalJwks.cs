using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CampusKonseling.Direktori.Portal;

/// <summary>What is wrong with a pasted JWKS document; the settings page says each in Indonesian.</summary>
public enum JwksProblem { None, TooLarge, NotJson, NoKeys, NotRsa, PrivateKey, NotForSigning, OtherAlgorithm, Unreadable, TooSmall }

/// <summary>A JWKS problem and the key it is about (1-based; 0 when it is about the whole document).</summary>
public sealed record JwksError(JwksProblem Problem, int Key = 0, string? Kid = null);

/// <summary>
/// The public keys of a campus portal that signs with RS256, pasted by the campus admin as a JWKS document
/// (RFC 7517) — the portal's <c>/.well-known/jwks.json</c>. It is read strictly: every key must be an RSA public
/// key of at least 2048 bits meant for signatures with RS256; a private key, another key type or algorithm is an
/// error rather than a key silently skipped, so what the admin sees saved is what tokens are checked with.
/// The document is not fetched from a URL (ADR 0012): the server makes no outbound request at sign-in.
/// </summary>
public static class PortalJwks
{
    public const int MaxLength = 64 * 1024;
    public const int MinRsaBits = 2048;
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    public static (IReadOnlyList<SecurityKey> Keys, JwksError? Error) Parse(string? json)
    {
        json = json?.Trim() ?? "";
        if (json.Length > MaxLength) return ([], new(JwksProblem.TooLarge));
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException) { return ([], new(JwksProblem.NotJson)); }
        // A single JWK pasted on its own is accepted as a set of one.
        var members = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var list) ? list
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kty", out _) ? JsonSerializer.SerializeToElement(new[] { root })
            : default;
        if (members.ValueKind != JsonValueKind.Array || members.GetArrayLength() == 0) return ([], new(JwksProblem.NoKeys));

        var keys = new List<SecurityKey>();
        var n = 0;
        foreach (var member in members.EnumerateArray())
        {
            n++;
            if (member.ValueKind != JsonValueKind.Object) return ([], new(JwksProblem.Unreadable, n));
            var kid = Text(member, "kid");
            if (Text(member, "kty") != "RSA") return ([], new(JwksProblem.NotRsa, n, kid));
            if (PrivateMembers.Any(p => member.TryGetProperty(p, out _))) return ([], new(JwksProblem.PrivateKey, n, kid));
            if (Text(member, "use") is { } use && use != "sig") return ([], new(JwksProblem.NotForSigning, n, kid));
            if (Text(member, "alg") is { } alg && alg != PortalAlgorithms.Rs256) return ([], new(JwksProblem.OtherAlgorithm, n, kid));
            JsonWebKey key;
            try { key = JsonWebKey.Create(member.GetRawText()); }
            catch (ArgumentException) { return ([], new(JwksProblem.Unreadable, n, kid)); }
            if (string.IsNullOrEmpty(key.N) || string.IsNullOrEmpty(key.E) || !Base64UrlOk(key.N) || !Base64UrlOk(key.E))
                return ([], new(JwksProblem.Unreadable, n, kid));
            if (key.KeySize < MinRsaBits) return ([], new(JwksProblem.TooSmall, n, kid));
            keys.Add(key);
        }
        return (keys, null);
    }

    private static bool Base64UrlOk(string s)
    {
        try { return Base64UrlEncoder.DecodeBytes(s).Length > 0; }
        catch (FormatException) { return false; }
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

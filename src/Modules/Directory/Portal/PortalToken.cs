using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CampusKonseling.Direktori.Portal;

/// <summary>What a campus expects of its portal's tokens.</summary>
public sealed record PortalKey(string Issuer, string Audience, byte[] Secret, string NimClaim);

/// <summary>A verified token: the student's NIM, what else the portal said about them, and the token's id and expiry.</summary>
public sealed record PortalClaims(string Nim, string? Nama, string? Email, string Jti, DateTimeOffset Expires);

/// <summary>Why a token was refused; the sign-in page explains each in Indonesian.</summary>
public enum TokenProblem { None, Format, Algorithm, Signature, Expired, NotYetValid, TooLong, Issuer, Audience, NoJti, NoNim }

/// <summary>
/// Validates the campus portal's JWT by hand (HS256 only): the NuGet mirror here offers only an old,
/// Microsoft.IdentityModel within a security advisory (ADR 0005). The header must say HS256 (no "none", no algorithm switching);
/// the signature is compared in constant time before any claim is trusted.
/// </summary>
public static class PortalToken
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    /// <summary>Portal tokens are for an immediate redirect; a longer-lived token is refused (and its jti need not be kept for long).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    public static (PortalClaims? Claims, TokenProblem Problem) Validate(string? token, PortalKey key, DateTimeOffset now)
    {
        var parts = (token ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return (null, TokenProblem.Format);
        if (Json(parts[0]) is not { ValueKind: JsonValueKind.Object } header || Json(parts[1]) is not { ValueKind: JsonValueKind.Object } payload
            || Base64Url(parts[2]) is not { } signature)
            return (null, TokenProblem.Format);
        if (Text(header, "alg") != "HS256" || header.TryGetProperty("crit", out _)) return (null, TokenProblem.Algorithm);
        var expected = HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return (null, TokenProblem.Signature);

        if (Time(payload, "exp") is not { } exp) return (null, TokenProblem.Format);
        if (now - ClockSkew >= exp) return (null, TokenProblem.Expired);
        if (Time(payload, "nbf") is { } nbf && now + ClockSkew < nbf) return (null, TokenProblem.NotYetValid);
        if (Time(payload, "iat") is { } iat && now + ClockSkew < iat) return (null, TokenProblem.NotYetValid);
        if (exp - now > MaxLifetime + ClockSkew) return (null, TokenProblem.TooLong);
        if (Text(payload, "iss") != key.Issuer) return (null, TokenProblem.Issuer);
        if (!Audiences(payload).Contains(key.Audience)) return (null, TokenProblem.Audience);
        if (Text(payload, "jti") is not { Length: > 0 and <= 200 } jti) return (null, TokenProblem.NoJti);
        if (Text(payload, key.NimClaim) is not { Length: > 0 } nim) return (null, TokenProblem.NoNim);
        return (new PortalClaims(nim.Trim(), Text(payload, "name"), Text(payload, "email"), jti, exp), TokenProblem.None);
    }

    /// <summary>Makes a token the way a portal would (for the settings page's example and for tests).</summary>
    public static string Create(byte[] secret, IReadOnlyDictionary<string, object?> claims)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var body = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        return header + "." + body + "." + Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(header + "." + body)));
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Base64Url(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    private static JsonElement? Json(string part)
    {
        if (Base64Url(part) is not { } bytes) return null;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : null;

    private static DateTimeOffset? Time(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private static IEnumerable<string> Audiences(JsonElement payload) =>
        !payload.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()!]
        : aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)
        : [];
}

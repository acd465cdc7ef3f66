using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampusKonseling.Direktori.Portal;

/// <summary>How the campus portal signs its tokens: one algorithm per campus, never a choice the token makes.</summary>
public static class PortalAlgorithms
{
    /// <summary>A secret shared by the portal and this campus (HMAC-SHA256).</summary>
    public const string Hs256 = SecurityAlgorithms.HmacSha256;
    /// <summary>The portal's RSA private key; this campus holds its public keys as a JWKS document.</summary>
    public const string Rs256 = SecurityAlgorithms.RsaSha256;
    public static readonly string[] All = [Hs256, Rs256];
}

/// <summary>What a campus expects of its portal's tokens: the one algorithm it accepts and the keys for it.</summary>
public sealed record PortalKey(string Issuer, string Audience, string Algorithm, IReadOnlyList<SecurityKey> Keys, string NimClaim)
{
    public static PortalKey Hs256(string issuer, string audience, byte[] secret, string nimClaim) =>
        new(issuer, audience, PortalAlgorithms.Hs256, [new SymmetricSecurityKey(secret)], nimClaim);

    public static PortalKey Rs256(string issuer, string audience, IReadOnlyList<SecurityKey> publicKeys, string nimClaim) =>
        new(issuer, audience, PortalAlgorithms.Rs256, publicKeys, nimClaim);
}

/// <summary>A verified token: the student's NIM, what else the portal said about them, and the token's id and expiry.</summary>
public sealed record PortalClaims(string Nim, string? Nama, string? Email, string Jti, DateTimeOffset Expires);

/// <summary>Why a token was refused; the sign-in page explains each in Indonesian.</summary>
public enum TokenProblem { None, Format, Algorithm, Signature, Expired, NotYetValid, TooLong, Issuer, Audience, NoJti, NoNim }

/// <summary>
/// Validates the campus portal's JWT with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> (ADR 0012).
/// The campus's settings pin one algorithm (HS256 with a shared secret, or RS256 with the portal's JWKS): a token
/// naming any other — "none", the other of the two, anything with <c>crit</c> — is refused before its signature is
/// looked at, and the handler is given only that algorithm and only keys of its kind, so an HS256 token "signed"
/// with the portal's public RSA key cannot pass. The signature is checked before any claim is trusted; exp is
/// required and at most an hour ahead, one minute of clock skew. The jti is made one-time by the caller
/// (<see cref="PortalSettingsStore.UseOnceAsync"/>), since only the database can see every node's tokens.
/// </summary>
public static class PortalToken
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    /// <summary>Portal tokens are for an immediate redirect; a longer-lived token is refused (and its jti need not be kept for long).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);
    /// <summary>Far more than a portal token needs; anything bigger is not read at all.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };

    public static async Task<(PortalClaims? Claims, TokenProblem Problem)> ValidateAsync(string? token, PortalKey key, DateTimeOffset now)
    {
        token = (token ?? "").Trim();
        if (token.Length is 0 or > MaxTokenLength || !Handler.CanReadToken(token)) return (null, TokenProblem.Format);
        JsonWebToken jwt;
        try { jwt = Handler.ReadJsonWebToken(token); }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException) { return (null, TokenProblem.Format); }
        if (jwt.IsEncrypted || jwt.Alg != key.Algorithm || jwt.TryGetHeaderValue<object>("crit", out _)) return (null, TokenProblem.Algorithm);

        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidAlgorithms = [key.Algorithm],
            IssuerSigningKeys = key.Keys,
            TryAllIssuerSigningKeys = true,
            RequireSignedTokens = true,
            ValidIssuer = key.Issuer,
            ValidAudience = key.Audience,
            RequireAudience = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            // The handler's own lifetime check reads the machine clock; ours reads the time given (the page's TimeProvider).
            LifetimeValidator = (notBefore, expires, _, _) => Lifetime(notBefore, expires, now),
            // Which claim holds the NIM is the campus's setting; nothing here maps or renames claims.
            NameClaimType = key.NimClaim,
        });
        if (!result.IsValid) return (null, Problem(result.Exception));

        var exp = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (jwt.TryGetPayloadValue<object>("iat", out _) && new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero) > now + ClockSkew) return (null, TokenProblem.NotYetValid);
        if (exp - now > MaxLifetime + ClockSkew) return (null, TokenProblem.TooLong);
        if (Text(jwt, "jti") is not { Length: > 0 and <= 200 } jti) return (null, TokenProblem.NoJti);
        if (Text(jwt, key.NimClaim) is not { Length: > 0 } nim) return (null, TokenProblem.NoNim);
        return (new PortalClaims(nim.Trim(), Text(jwt, "name"), Text(jwt, "email"), jti, exp), TokenProblem.None);
    }

    private static TokenProblem Problem(Exception? e) => e switch
    {
        SecurityTokenInvalidAlgorithmException => TokenProblem.Algorithm,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => TokenProblem.Signature,
        SecurityTokenExpiredException => TokenProblem.Expired,
        SecurityTokenNotYetValidException => TokenProblem.NotYetValid,
        SecurityTokenInvalidIssuerException => TokenProblem.Issuer,
        SecurityTokenInvalidAudienceException => TokenProblem.Audience,
        _ => TokenProblem.Format, // no exp, an unreadable claim, …
    };

    /// <summary>A string claim, or a number written as text (some portals send the NIM as a JSON number).</summary>
    private static string? Text(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<object>(name, out var v) && v is string or int or long or double or decimal
            ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Makes a token the way a portal would (for the settings page's example and for tests).</summary>
    public static string Create(SecurityKey signingKey, string algorithm, IReadOnlyDictionary<string, object?> claims)
    {
        var payload = claims.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            System.Text.Json.JsonSerializer.Serialize(payload), new SigningCredentials(signingKey, algorithm));
    }

    /// <summary>An HS256 token, as a portal with a shared secret makes it.</summary>
    public static string Create(byte[] secret, IReadOnlyDictionary<string, object?> claims) =>
        Create(new SymmetricSecurityKey(secret), PortalAlgorithms.Hs256, claims);

    /// <summary>exp required and not past, nbf not ahead, each with one minute of skew; throws as the handler's own check does.</summary>
    private static bool Lifetime(DateTime? notBefore, DateTime? expires, DateTimeOffset now)
    {
        if (expires is null) throw new SecurityTokenNoExpirationException("The token has no exp.");
        if (notBefore is { } nbf && new DateTimeOffset(nbf, TimeSpan.Zero) > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet (nbf).") { NotBefore = nbf };
        if (new DateTimeOffset(expires.Value, TimeSpan.Zero) < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampusKonseling.Direktori.Portal;
using Microsoft.IdentityModel.Tokens;

namespace CampusKonseling.Tests.Direktori;

/// <summary>
/// The token rules on their own, at a fixed moment far from the test machine's clock (so the check must use the
/// time it is given): one pinned algorithm per campus, HS256 or RS256 with the portal's JWKS, exp required and
/// at most an hour ahead, one minute of skew.
/// </summary>
public sealed class PortalTokenTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Secret = "rahasia-portal-kampus-uji-0123456789-abcdef";
    private static readonly RSA Portal = RSA.Create(2048), Stranger = RSA.Create(2048);

    /// <summary>The JWKS a portal publishes: its public key only.</summary>
    internal static string Jwks(RSA rsa, string kid = "portal-2031", params (string Name, string Value)[] extra)
    {
        var p = rsa.ExportParameters(false);
        var key = new Dictionary<string, string>
        {
            ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        foreach (var (name, value) in extra) key[name] = value;
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    internal static Dictionary<string, object?> Claims(DateTimeOffset now, TimeSpan? expiresIn = null, string? jti = null) => new()
    {
        ["iss"] = "https://portal.kampus.ac.id", ["aud"] = "konseling", ["nim"] = "2110511077", ["name"] = "Sekar Arum",
        ["jti"] = jti ?? Guid.NewGuid().ToString(), ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.Add(expiresIn ?? TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
    };

    internal static string Rs256(RSA rsa, Dictionary<string, object?> claims, string kid = "portal-2031") =>
        PortalToken.Create(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256, claims);

    private static PortalKey RsaKey(string jwks)
    {
        var (keys, error) = PortalJwks.Parse(jwks);
        Assert.Null(error);
        return PortalKey.Rs256("https://portal.kampus.ac.id", "konseling", keys, "nim");
    }

    private static readonly PortalKey HmacKey = PortalKey.Hs256("https://portal.kampus.ac.id", "konseling", Encoding.UTF8.GetBytes(Secret), "nim");

    [Fact]
    public async Task An_rs256_token_checked_with_the_portals_jwks_gives_the_student()
    {
        var (claims, problem) = await PortalToken.ValidateAsync(Rs256(Portal, Claims(Now, jti: "sekali-1")), RsaKey(Jwks(Portal)), Now);
        Assert.Equal(TokenProblem.None, problem);
        Assert.Equal(("2110511077", "Sekar Arum", "sekali-1"), (claims!.Nim, claims.Nama, claims.Jti));
        Assert.Equal(Now.AddMinutes(5), claims.Expires);
    }

    [Fact]
    public async Task A_key_id_the_jwks_does_not_name_is_still_checked_against_every_key_and_a_key_from_rotation_works()
    {
        // The portal rotated its key: the admin pasted a JWKS with the old and the new key.
        var both = JsonSerializer.Serialize(new
        {
            keys = JsonDocument.Parse(Jwks(Stranger, "lama")).RootElement.GetProperty("keys").EnumerateArray()
                .Concat(JsonDocument.Parse(Jwks(Portal, "baru")).RootElement.GetProperty("keys").EnumerateArray()).ToArray(),
        });
        Assert.Equal(TokenProblem.None, (await PortalToken.ValidateAsync(Rs256(Portal, Claims(Now), "baru"), RsaKey(both), Now)).Problem);
        Assert.Equal(TokenProblem.None, (await PortalToken.ValidateAsync(Rs256(Portal, Claims(Now), "tak-dikenal"), RsaKey(both), Now)).Problem);
    }

    [Fact]
    public async Task A_token_signed_with_another_rsa_key_is_refused()
    {
        Assert.Equal(TokenProblem.Signature, (await PortalToken.ValidateAsync(Rs256(Stranger, Claims(Now)), RsaKey(Jwks(Portal)), Now)).Problem);
        Assert.Equal(TokenProblem.Signature, (await PortalToken.ValidateAsync(Rs256(Stranger, Claims(Now), "lain"), RsaKey(Jwks(Portal)), Now)).Problem);
    }

    [Fact]
    public async Task Algorithm_confusion_is_refused_both_ways()
    {
        // HS256 "signed" with the portal's public key, which anyone can read from its JWKS: the classic confusion attack.
        var publicKeyBytes = new[]
        {
            Encoding.UTF8.GetBytes(Portal.ExportSubjectPublicKeyInfoPem()), Portal.ExportSubjectPublicKeyInfo(), Portal.ExportRSAPublicKey(),
            Encoding.UTF8.GetBytes(Jwks(Portal)), Portal.ExportParameters(false).Modulus!,
        };
        foreach (var secret in publicKeyBytes)
            Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync(PortalToken.Create(secret, Claims(Now)), RsaKey(Jwks(Portal)), Now)).Problem);
        // An RS256 token where the campus shares an HS256 secret.
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync(Rs256(Portal, Claims(Now)), HmacKey, Now)).Problem);
        // Other HMAC and RSA variants are not RS256/HS256 either.
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync(
            PortalToken.Create(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret + Secret)), SecurityAlgorithms.HmacSha512, Claims(Now)), HmacKey, Now)).Problem);
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync(
            PortalToken.Create(new RsaSecurityKey(Portal), SecurityAlgorithms.RsaSsaPssSha256, Claims(Now)), RsaKey(Jwks(Portal)), Now)).Problem);
    }

    [Fact]
    public async Task An_unsigned_token_and_one_with_crit_are_refused()
    {
        static string Part(object o) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(o));
        var body = Part(Claims(Now));
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync($"{Part(new { alg = "none", typ = "JWT" })}.{body}.", HmacKey, Now)).Problem);
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync($"{Part(new { alg = "none" })}.{body}.", RsaKey(Jwks(Portal)), Now)).Problem);
        // A correct HS256 signature over a header with crit: still refused, since we understand no extension.
        var header = Part(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT", ["crit"] = new[] { "exp" } });
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(header + "." + body)));
        Assert.Equal(TokenProblem.Algorithm, (await PortalToken.ValidateAsync($"{header}.{body}.{signature}", HmacKey, Now)).Problem);
    }

    [Fact]
    public async Task Expiry_is_required_within_one_minute_of_skew_and_at_most_an_hour_ahead()
    {
        var key = RsaKey(Jwks(Portal));
        async Task<TokenProblem> Rs(Dictionary<string, object?> claims) => (await PortalToken.ValidateAsync(Rs256(Portal, claims), key, Now)).Problem;
        async Task<TokenProblem> Hs(Dictionary<string, object?> claims) => (await PortalToken.ValidateAsync(PortalToken.Create(Encoding.UTF8.GetBytes(Secret), claims), HmacKey, Now)).Problem;

        foreach (var check in new[] { Rs, Hs })
        {
            Assert.Equal(TokenProblem.Expired, await check(Claims(Now, TimeSpan.FromMinutes(-2))));
            Assert.Equal(TokenProblem.None, await check(Claims(Now, TimeSpan.FromSeconds(-30)))); // within the minute of skew
            Assert.Equal(TokenProblem.TooLong, await check(Claims(Now, TimeSpan.FromMinutes(62))));
            Assert.Equal(TokenProblem.TooLong, await check(Claims(Now, TimeSpan.FromDays(2))));
            Assert.Equal(TokenProblem.None, await check(Claims(Now, TimeSpan.FromMinutes(60))));
            var noExp = Claims(Now);
            noExp.Remove("exp");
            Assert.Equal(TokenProblem.Format, await check(noExp));
            var future = Claims(Now, TimeSpan.FromMinutes(30));
            future["nbf"] = Now.AddMinutes(5).ToUnixTimeSeconds();
            Assert.Equal(TokenProblem.NotYetValid, await check(future));
            future.Remove("nbf");
            future["iat"] = Now.AddMinutes(5).ToUnixTimeSeconds();
            Assert.Equal(TokenProblem.NotYetValid, await check(future));
        }
        // The same token, valid at Now, is expired two minutes after its exp: the time given is the time used.
        var token = Rs256(Portal, Claims(Now));
        Assert.Equal(TokenProblem.Expired, (await PortalToken.ValidateAsync(token, key, Now.AddMinutes(7))).Problem);
    }

    [Fact]
    public async Task Issuer_audience_jti_and_nim_are_checked_as_before()
    {
        var key = RsaKey(Jwks(Portal));
        async Task<TokenProblem> Check(string name, object? value)
        {
            var claims = Claims(Now);
            claims[name] = value;
            return (await PortalToken.ValidateAsync(Rs256(Portal, claims), key, Now)).Problem;
        }
        Assert.Equal(TokenProblem.Issuer, await Check("iss", "https://portal.lain.ac.id"));
        Assert.Equal(TokenProblem.Audience, await Check("aud", "perpustakaan"));
        Assert.Equal(TokenProblem.None, await Check("aud", new[] { "perpustakaan", "konseling" }));
        Assert.Equal(TokenProblem.NoJti, await Check("jti", null));
        Assert.Equal(TokenProblem.NoJti, await Check("jti", new string('x', 201)));
        Assert.Equal(TokenProblem.NoNim, await Check("nim", null));
        Assert.Equal(TokenProblem.None, await Check("nim", 2110511077L)); // a NIM sent as a JSON number
        Assert.Equal(TokenProblem.Format, (await PortalToken.ValidateAsync("bukan.token", key, Now)).Problem);
        Assert.Equal(TokenProblem.Format, (await PortalToken.ValidateAsync(new string('a', 9000), key, Now)).Problem);
    }

    [Fact]
    public void A_pasted_jwks_is_read_strictly()
    {
        Assert.Null(PortalJwks.Parse(Jwks(Portal)).Error);
        // A single JWK on its own is a set of one.
        Assert.Null(PortalJwks.Parse(JsonDocument.Parse(Jwks(Portal)).RootElement.GetProperty("keys")[0].GetRawText()).Error);
        Assert.Equal(JwksProblem.NotJson, PortalJwks.Parse("{\"keys\": [").Error!.Problem);
        Assert.Equal(JwksProblem.NoKeys, PortalJwks.Parse("{\"keys\": []}").Error!.Problem);
        Assert.Equal(JwksProblem.NoKeys, PortalJwks.Parse("[]").Error!.Problem);
        Assert.Equal(JwksProblem.TooLarge, PortalJwks.Parse(new string(' ', 10) + "{" + new string('x', 70_000) + "}").Error!.Problem);

        var withPrivate = PortalJwks.Parse(Jwks(Portal, "bocor", ("d", Base64UrlEncoder.Encode(Portal.ExportParameters(true).D!)))).Error!;
        Assert.Equal((JwksProblem.PrivateKey, 1, "bocor"), (withPrivate.Problem, withPrivate.Key, withPrivate.Kid));
        Assert.Equal(JwksProblem.NotRsa, PortalJwks.Parse(Jwks(Portal, "ec", ("kty", "EC"))).Error!.Problem);
        Assert.Equal(JwksProblem.NotForSigning, PortalJwks.Parse(Jwks(Portal, "enc", ("use", "enc"))).Error!.Problem);
        Assert.Equal(JwksProblem.OtherAlgorithm, PortalJwks.Parse(Jwks(Portal, "ps", ("alg", "PS256"))).Error!.Problem);
        Assert.Equal(JwksProblem.Unreadable, PortalJwks.Parse(Jwks(Portal, "rusak", ("n", "!!!"))).Error!.Problem);
        using var small = RSA.Create(1024);
        Assert.Equal(JwksProblem.TooSmall, PortalJwks.Parse(Jwks(small, "pendek")).Error!.Problem);
    }
}

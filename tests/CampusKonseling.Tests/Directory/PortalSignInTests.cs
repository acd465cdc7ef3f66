using System.Net;
using System.Text;
using CampusKonseling.Direktori.Portal;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Direktori;

/// <summary>The campus portal signs a student in with a short-lived HS256 token; anything else gets a clear page.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PortalSignInTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Secret = "rahasia-portal-kampus-uji-0123456789-abcdef";
    private DirectoryCampus _c = null!;

    public async Task InitializeAsync()
    {
        _c = await DirectoryCampus.CreateAsync(platform, "portal");
        await ConfigureAsync(_c, Secret);
        var key = await _c.NewKeyAsync("SIAKAD", "SyncDirectory");
        using var client = platform.Client();
        var request = new HttpRequestMessage(HttpMethod.Put, $"{_c.Campus.Prefix}/api/v1/mahasiswa/2110511077")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { nama = "Sekar Arum", status = "aktif", email = "sekar@mhs.kampus.ac.id" }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var put = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    private static async Task ConfigureAsync(DirectoryCampus c, string secret)
    {
        using var saved = await c.Admin.SubmitAsync($"{c.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string>
        {
            ["Input.Aktif"] = "true", ["Input.Penerbit"] = "https://portal.kampus.ac.id", ["Input.Audiens"] = "konseling",
            ["Input.Rahasia"] = secret, ["Input.KlaimNim"] = "nim", ["Input.Peran"] = "Mahasiswa",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static string Token(string nim = "2110511077", string secret = Secret, TimeSpan? expiresIn = null, string aud = "konseling", string? jti = null, string? email = null) =>
        PortalToken.Create(Encoding.UTF8.GetBytes(secret), new Dictionary<string, object?>
        {
            ["iss"] = "https://portal.kampus.ac.id", ["aud"] = aud, ["nim"] = nim, ["jti"] = jti ?? Guid.NewGuid().ToString(),
            ["exp"] = DateTimeOffset.UtcNow.Add(expiresIn ?? TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(), ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["email"] = email,
        });

    private async Task<(HttpStatusCode Status, string Text)> RefusedAsync(TestClient client, string token)
    {
        var (status, page) = await client.PageAsync($"{_c.Campus.Prefix}/akun/portal?token={Uri.EscapeDataString(token)}");
        return (status, page.QuerySelector(".portal-signin .alert")?.TextContent ?? "");
    }

    [Fact]
    public async Task A_valid_token_signs_the_student_in_once_and_a_replay_is_refused()
    {
        using var student = platform.Client();
        var token = Token();
        using var signedIn = await student.GetAsync($"{_c.Campus.Prefix}/akun/portal?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.EndsWith("/permohonan-saya", signedIn.Headers.Location!.ToString());
        var (mine, _) = await student.PageAsync($"{_c.Campus.Prefix}/permohonan-saya");
        Assert.Equal(HttpStatusCode.OK, mine);
        // The account has no password and no staff rights.
        using var admin = await student.GetAsync($"{_c.Campus.Prefix}/admin/direktori");
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("Mahasiswa", await TestDatabase.ScalarAsync(_c.Campus.Database, """
            SELECT r."Name" FROM identity."AspNetUserLogins" l JOIN identity."AspNetUserRoles" ur ON ur."UserId" = l."UserId"
            JOIN identity."AspNetRoles" r ON r."Id" = ur."RoleId" WHERE l."ProviderKey" = '2110511077'
            """));
        Assert.Equal(true, await TestDatabase.ScalarAsync(_c.Campus.Database,
            """SELECT "PasswordHash" IS NULL FROM identity."AspNetUsers" WHERE "Email" = 'sekar@mhs.kampus.ac.id'"""));

        using var again = platform.Client();
        var (status, text) = await RefusedAsync(again, token);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sudah pernah dipakai", text);

        // A second sign-in, posted by the portal's own page (no antiforgery token), finds the same account.
        using var later = platform.Client();
        using (var second = await later.Http.PostAsync($"{_c.Campus.Prefix}/akun/portal", new FormUrlEncodedContent([new("token", Token())])))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_c.Campus.Database, """SELECT count(*) FROM identity."AspNetUsers" WHERE "Email" = 'sekar@mhs.kampus.ac.id'"""));
    }

    [Fact]
    public async Task Forged_expired_foreign_and_unknown_tokens_get_a_clear_indonesian_page()
    {
        using var client = platform.Client();
        Assert.Contains("Tanda tangan token tidak sah", (await RefusedAsync(client, Token(secret: "rahasia-lain-yang-tidak-dikenal-kampus-ini-000"))).Text);
        Assert.Contains("kedaluwarsa", (await RefusedAsync(client, Token(expiresIn: TimeSpan.FromMinutes(-5)))).Text);
        Assert.Contains("layanan lain", (await RefusedAsync(client, Token(aud: "perpustakaan"))).Text);
        Assert.Contains("terlalu panjang", (await RefusedAsync(client, Token(expiresIn: TimeSpan.FromDays(2)))).Text);
        Assert.Contains("tidak dapat dibaca", (await RefusedAsync(client, "bukan.token")).Text);
        Assert.Contains("belum terdaftar", (await RefusedAsync(client, Token(nim: "2110519999"))).Text);
        var (status, _) = await RefusedAsync(client, Token(secret: "rahasia-lain-yang-tidak-dikenal-kampus-ini-000"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        // Never signed in by any of them.
        var (mine, _) = await client.PageAsync($"{_c.Campus.Prefix}/permohonan-saya");
        Assert.NotEqual(HttpStatusCode.OK, mine);
    }

    [Fact]
    public async Task A_token_of_another_campus_is_refused_and_staff_accounts_never_sign_in_through_the_portal()
    {
        using var other = await DirectoryCampus.CreateAsync(platform, "portallain");
        await ConfigureAsync(other, "rahasia-kampus-lain-9876543210-zyxwvutsrqpo");
        using var client = platform.Client();
        var (_, text) = await RefusedAsync(client, PortalToken.Create(Encoding.UTF8.GetBytes("rahasia-kampus-lain-9876543210-zyxwvutsrqpo"),
            new Dictionary<string, object?> { ["iss"] = "https://portal.kampus.ac.id", ["aud"] = "konseling", ["nim"] = "2110511077", ["jti"] = "x1",
                ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() }));
        Assert.Contains("Tanda tangan token tidak sah", text);

        // The staff member's e-mail is on a student record: the portal must not sign them in as staff.
        var key = await _c.NewKeyAsync("SIAKAD staf", "SyncDirectory");
        var request = new HttpRequestMessage(HttpMethod.Put, $"{_c.Campus.Prefix}/api/v1/mahasiswa/2110511088")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { nama = "Staf Sekaligus Mahasiswa", status = "aktif", email = "staf@konseling-asesmen.demo" }),
        };
        request.Headers.Add("X-Api-Key", key);
        using (var put = await client.Http.SendAsync(request)) Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var (status, staff) = await RefusedAsync(client, Token(nim: "2110511088"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("akun staf", staff);
    }

    [Fact]
    public async Task A_campus_portal_signing_with_rs256_signs_in_with_its_pasted_jwks_and_confusion_or_replay_is_refused()
    {
        using var portal = System.Security.Cryptography.RSA.Create(2048);
        using var rsa = await DirectoryCampus.CreateAsync(platform, "portalrsa");
        var jwks = PortalTokenTests.Jwks(portal);
        using (var saved = await rsa.Admin.SubmitAsync($"{rsa.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string>
        {
            ["Input.Aktif"] = "true", ["Input.Penerbit"] = "https://portal.kampus.ac.id", ["Input.Audiens"] = "konseling",
            ["Input.Algoritma"] = "RS256", ["Input.Jwks"] = jwks, ["Input.KlaimNim"] = "nim", ["Input.Peran"] = "Mahasiswa",
        }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("RS256", await TestDatabase.ScalarAsync(rsa.Campus.Database, "SELECT algoritma FROM direktori.portal_settings"));
        // The admin sees what was saved: RS256 chosen, the JWKS as pasted.
        var (_, settings) = await rsa.Admin.PageAsync($"{rsa.Campus.Prefix}/admin/direktori/portal");
        Assert.Equal("RS256", settings.QuerySelector("select[name='Input.Algoritma'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(jwks, settings.QuerySelector("textarea[name='Input.Jwks']")!.TextContent.Trim());

        var key = await rsa.NewKeyAsync("SIAKAD", "SyncDirectory");
        using var client = platform.Client();
        var put = new HttpRequestMessage(HttpMethod.Put, $"{rsa.Campus.Prefix}/api/v1/mahasiswa/2110511077")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { nama = "Sekar Arum", status = "aktif", email = "sekar.rsa@mhs.kampus.ac.id" }),
        };
        put.Headers.Add("X-Api-Key", key);
        using (var created = await client.Http.SendAsync(put)) Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        async Task<(HttpStatusCode, string)> Refused(string token)
        {
            using var anyone = platform.Client();
            var (status, page) = await anyone.PageAsync($"{rsa.Campus.Prefix}/akun/portal?token={Uri.EscapeDataString(token)}");
            return (status, page.QuerySelector(".portal-signin .alert")?.TextContent ?? "");
        }
        var now = DateTimeOffset.UtcNow;
        // Alg confusion: an HS256 token keyed with the portal's public key (public in its JWKS) must not pass.
        var (confused, text) = await Refused(PortalToken.Create(Encoding.UTF8.GetBytes(portal.ExportSubjectPublicKeyInfoPem()), PortalTokenTests.Claims(now)));
        Assert.Equal((HttpStatusCode.BadRequest, true), (confused, text.Contains("Tanda tangan token tidak sah")));
        // The campus's old HS256 rule is off: a token with this campus's (or any) shared secret is refused.
        Assert.Contains("Tanda tangan token tidak sah", (await Refused(Token())).Item2);
        Assert.Contains("Tanda tangan token tidak sah", (await Refused(PortalTokenTests.Rs256(System.Security.Cryptography.RSA.Create(2048), PortalTokenTests.Claims(now)))).Item2);
        Assert.Contains("kedaluwarsa", (await Refused(PortalTokenTests.Rs256(portal, PortalTokenTests.Claims(now, TimeSpan.FromMinutes(-5))))).Item2);
        Assert.Contains("terlalu panjang", (await Refused(PortalTokenTests.Rs256(portal, PortalTokenTests.Claims(now, TimeSpan.FromHours(3))))).Item2);

        var token = PortalTokenTests.Rs256(portal, PortalTokenTests.Claims(now));
        using var student = platform.Client();
        using (var signedIn = await student.GetAsync($"{rsa.Campus.Prefix}/akun/portal?token={token}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.EndsWith("/permohonan-saya", signedIn.Headers.Location!.ToString());
        }
        var (mine, _) = await student.PageAsync($"{rsa.Campus.Prefix}/permohonan-saya");
        Assert.Equal(HttpStatusCode.OK, mine);
        var (replayed, again) = await Refused(token);
        Assert.Equal((HttpStatusCode.BadRequest, true), (replayed, again.Contains("sudah pernah dipakai")));
    }

    [Fact]
    public async Task A_bad_jwks_gets_a_clear_indonesian_message_on_the_settings_page_and_nothing_is_saved()
    {
        using var portal = System.Security.Cryptography.RSA.Create(2048);
        var cases = new (string Jwks, string Message)[]
        {
            ("{\"keys\": [", "bukan JSON yang sah"),
            ("{\"keys\": []}", "paling sedikit satu kunci"),
            (PortalTokenTests.Jwks(portal, "bocor", ("d", Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(portal.ExportParameters(true).D!))), "Kunci ke-1 (kid \"bocor\"): memuat bagian kunci privat"),
            (PortalTokenTests.Jwks(portal, "ec", ("kty", "EC")), "bukan kunci RSA"),
            (PortalTokenTests.Jwks(System.Security.Cryptography.RSA.Create(1024), "pendek"), "paling sedikit 2048 bit"),
        };
        foreach (var (jwks, message) in cases)
        {
            using var response = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string>
            {
                ["Input.Algoritma"] = "RS256", ["Input.Jwks"] = jwks,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = (await TestClient.ParseAsync(response)).QuerySelector("span[data-valmsg-for='Input.Jwks']")!.TextContent;
            Assert.Contains(message, error);
        }
        using (var missing = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string> { ["Input.Algoritma"] = "RS256" }))
            Assert.Contains("Tempel JWKS portal", (await TestClient.ParseAsync(missing)).QuerySelector("span[data-valmsg-for='Input.Jwks']")!.TextContent);
        using (var other = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string> { ["Input.Algoritma"] = "none" }))
            Assert.Contains("Pilih HS256", (await TestClient.ParseAsync(other)).QuerySelector("span[data-valmsg-for='Input.Algoritma']")!.TextContent);
        Assert.Equal("HS256", await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT algoritma FROM direktori.portal_settings"));
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_never_shown_again()
    {
        var stored = (string)(await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT rahasia_protected FROM direktori.portal_settings"))!;
        Assert.DoesNotContain(Secret, stored);
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/direktori/portal");
        Assert.DoesNotContain(Secret, page.Body!.InnerHtml);
        Assert.Equal("", page.QuerySelector("input[name='Input.Rahasia']")!.GetAttribute("value") ?? "");

        using var shortSecret = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/direktori/portal", "main form", new Dictionary<string, string> { ["Input.Rahasia"] = "pendek" });
        Assert.Equal(HttpStatusCode.OK, shortSecret.StatusCode);
        Assert.Contains("paling sedikit 32 karakter", (await TestClient.ParseAsync(shortSecret)).QuerySelector("span[data-valmsg-for='Input.Rahasia']")!.TextContent);
    }
}

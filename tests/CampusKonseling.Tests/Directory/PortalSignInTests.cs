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

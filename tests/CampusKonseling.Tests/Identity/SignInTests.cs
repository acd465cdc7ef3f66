using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Identity;

[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync() => _campus = await platform.CreateTenantAsync("unipma", "akun");
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_wrong_password_is_explained_beside_the_form_and_the_email_is_kept()
    {
        using var client = platform.Client();
        using var response = await client.SubmitAsync($"{_campus.Prefix}/akun/masuk", "form", new Dictionary<string, string>
        {
            ["Input.Email"] = _campus.AdminEmail, ["Input.Password"] = "salah-sandi-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("E-mail atau kata sandi salah.", page.QuerySelector(".validation-summary-errors li")!.TextContent);
        Assert.Equal(_campus.AdminEmail, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Empty_fields_get_indonesian_messages_next_to_each_field()
    {
        using var client = platform.Client();
        using var response = await client.SubmitAsync($"{_campus.Prefix}/akun/masuk", "form", new Dictionary<string, string>
        {
            ["Input.Email"] = "", ["Input.Password"] = "",
        });
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("E-mail wajib diisi.", page.QuerySelector("span[data-valmsg-for='Input.Email']")!.TextContent);
        Assert.Equal("Kata sandi wajib diisi.", page.QuerySelector("span[data-valmsg-for='Input.Password']")!.TextContent);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account()
    {
        using var client = platform.Client();
        const string email = "konselor@unipma.demo";
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.SubmitAsync($"{_campus.Prefix}/akun/masuk", "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = $"keliru{i}xx" });
        }
        using var response = await client.SubmitAsync($"{_campus.Prefix}/akun/masuk", "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Demo12345" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Akun dikunci sementara", page.QuerySelector(".validation-summary-errors")!.TextContent);
    }

    [Fact]
    public async Task Staff_see_only_what_their_role_permits()
    {
        using var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, "tu@unipma.demo", "Demo12345");
        var (status, dashboard) = await client.PageAsync($"{_campus.Prefix}/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/pengguna']"));
        Assert.Null(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/fitur']"));

        using var users = await client.GetAsync($"{_campus.Prefix}/admin/pengguna");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Contains("/akun/akses-ditolak", users.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Students_without_staff_roles_cannot_open_the_staff_area()
    {
        using var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, "mahasiswa@unipma.demo", "Demo12345");
        using var response = await client.GetAsync($"{_campus.Prefix}/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/akses-ditolak", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Pages_are_indonesian_by_default_and_english_when_chosen()
    {
        using var client = platform.Client();
        // A phone with an English interface still gets the campus site in Bahasa Indonesia.
        var (_, indonesian) = await client.PageAsync($"{_campus.Prefix}/akun/masuk", language: "en-US");
        Assert.Equal("Masuk", indonesian.QuerySelector("h1")!.TextContent);
        Assert.Equal("id", indonesian.DocumentElement.GetAttribute("lang"));

        var switchLink = indonesian.QuerySelector("a[lang='en']")!.GetAttribute("href")!;
        using var chosen = await client.GetAsync(switchLink);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal($"/{_campus.Prefix}/akun/masuk", chosen.Headers.Location!.OriginalString);

        var (_, english) = await client.PageAsync($"{_campus.Prefix}/akun/masuk");
        Assert.Equal("Sign in", english.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        using var invalid = await client.SubmitAsync(english, "form", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" }, $"{_campus.Prefix}/akun/masuk");
        var errors = await TestClient.ParseAsync(invalid);
        Assert.Equal("Email is required.", errors.QuerySelector("span[data-valmsg-for='Input.Email']")!.TextContent);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_a_link_sent_by_email()
    {
        var maildev = Environment.GetEnvironmentVariable("CK_MAILDEV_URL");
        Assert.False(string.IsNullOrEmpty(maildev), "Run the tests with ./test.sh: it starts the SMTP test server (maildev) and sets CK_MAILDEV_URL.");
        const string email = "kaprodi@unipma.demo";

        using var client = platform.Client();
        using var requested = await client.SubmitAsync($"{_campus.Prefix}/akun/lupa-sandi", "form", new Dictionary<string, string> { ["Email"] = email });
        var confirmation = await TestClient.ParseAsync(requested);
        Assert.Contains("Jika e-mail tersebut terdaftar", confirmation.QuerySelector(".alert.success")!.TextContent);

        var link = await WaitForResetLinkAsync(maildev!, email, $"/{_campus.Prefix}/akun/atur-ulang-sandi");
        Assert.Contains($"/{_campus.Prefix}/akun/atur-ulang-sandi", link);
        var path = new Uri(link).PathAndQuery;
        using var reset = await client.SubmitAsync(path, "form", new Dictionary<string, string> { ["Password"] = "SandiBaru123", ["ConfirmPassword"] = "SandiBaru123" });
        Assert.Contains("Kata sandi Anda telah diubah.", (await TestClient.ParseAsync(reset)).QuerySelector(".alert.success")!.TextContent);

        using var fresh = platform.Client();
        await fresh.SignInAsync(_campus.Prefix, email, "SandiBaru123");
    }

    /// <summary>The newest reset link to <paramref name="to"/> for this campus: the demo addresses are the same in every campus and run.</summary>
    private static async Task<string> WaitForResetLinkAsync(string maildev, string to, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(maildev) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var mails = await http.GetFromJsonAsync<JsonElement>("email");
            foreach (var mail in mails.EnumerateArray().Reverse())
            {
                var recipients = mail.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString());
                if (!recipients.Contains(to)) continue;
                var text = mail.GetProperty("text").GetString() ?? "";
                var match = Regex.Match(text, @"https?://\S+atur-ulang-sandi\S+");
                if (match.Success && match.Value.Contains(path)) return match.Value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No password reset e-mail to {to} arrived at {maildev}.");
    }
}

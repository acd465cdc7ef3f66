using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 5: the status check's one-time code is worth five tries. Guesses from ever-changing
/// X-Forwarded-For addresses (what escaped the per-address limit) void it; the requester asks for a new one.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StatusCodeGuessingTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "tebak");
        await platform.SetFeatureAsync(_campus, "Forms", enabled: true);
        await new SopHarness(platform, _campus).InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan, "uji"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string StatusPath => $"{_campus.Prefix}/formulir/status";
    private const string Check = "form[action*='handler=Periksa']";

    private async Task<string> SendRequestAsync(string email)
    {
        using var sender = platform.Client();
        using var sent = await sender.SubmitAsync($"{_campus.Prefix}/formulir/permohonan-uji", "form.intake", IntakeTests.Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    private static void ComeFrom(TestClient client, string ip)
    {
        client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
    }

    [Fact]
    public async Task Three_hundred_guesses_from_changing_addresses_void_the_code_and_a_fresh_code_works()
    {
        var email = $"tebak.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SendRequestAsync(email);
        using var attacker = platform.Client();
        var (codePage, otp) = await StatusCheck.RequestCodeAsync(attacker, _campus.Prefix, code, email);

        var guess = 0;
        for (var i = 0; i < 300; i++)
        {
            ComeFrom(attacker, $"198.51.{i / 250}.{i % 250 + 1}");
            do guess = (guess + 7919) % 1_000_000; while (guess.ToString("D6") == otp);
            using var wrong = await attacker.SubmitAsync(codePage, Check, new Dictionary<string, string> { ["KodeSekali"] = guess.ToString("D6") }, StatusPath);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        ComeFrom(attacker, "203.0.113.9");
        using (var right = await attacker.SubmitAsync(codePage, Check, new Dictionary<string, string> { ["KodeSekali"] = otp }, StatusPath))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            var page = await TestClient.ParseAsync(right);
            Assert.Contains("minta kode baru", page.QuerySelector("[data-valmsg-for='KodeSekali'], .field-error")?.TextContent ?? page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        var (_, view) = await attacker.PageAsync(StatusPath);
        Assert.Null(view.QuerySelector("#status-permohonan"));

        // The requester asks again and the new code opens the status.
        using var requester = platform.Client();
        using var asked = await requester.SubmitAsync(StatusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = email });
        var freshPage = await TestClient.ParseAsync(asked);
        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15), m => m.Subject.Contains("Kode sekali pakai") && !m.Text.Contains(otp));
        var fresh = Regex.Match(mail.Text, @"\b(\d{6})\b").Groups[1].Value;
        using var verified = await requester.SubmitAsync(freshPage, Check, new Dictionary<string, string> { ["KodeSekali"] = fresh }, StatusPath);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var (_, status) = await requester.PageAsync(StatusPath);
        Assert.Equal(code, status.QuerySelector("#kode-pelacakan")!.TextContent);
    }

    [Fact]
    public async Task Codes_for_one_request_are_limited_per_hour_whatever_the_address()
    {
        var email = $"banyak.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SendRequestAsync(email);
        using var client = platform.Client();
        for (var i = 0; i < 5; i++)
        {
            ComeFrom(client, SecurityAccounts.RandomIp());
            using var asked = await client.SubmitAsync(StatusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }
        ComeFrom(client, SecurityAccounts.RandomIp());
        using var refused = await client.SubmitAsync(StatusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = email });
        Assert.Contains("Terlalu banyak kode diminta", (await TestClient.ParseAsync(refused)).Body!.TextContent);
    }

    [Fact]
    public async Task A_stranger_asking_with_the_wrong_address_neither_uses_up_the_requesters_codes_nor_learns_the_request_exists()
    {
        var email = $"pemilik.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SendRequestAsync(email);
        using var stranger = platform.Client();
        for (var i = 0; i < 8; i++)
        {
            ComeFrom(stranger, SecurityAccounts.RandomIp());
            using var asked = await stranger.SubmitAsync(StatusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = "orang.lain@luar.test" });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.DoesNotContain("Terlalu banyak kode diminta", (await TestClient.ParseAsync(asked)).Body!.TextContent);
        }
        using var requester = platform.Client();
        using var own = await requester.SubmitAsync(StatusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = email });
        Assert.DoesNotContain("Terlalu banyak kode diminta", (await TestClient.ParseAsync(own)).Body!.TextContent);
        await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15), m => m.Subject.Contains("Kode sekali pakai"));
    }
}

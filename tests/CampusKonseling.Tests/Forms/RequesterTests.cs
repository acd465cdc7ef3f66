using System.Net;
using AngleSharp.Dom;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>What the person who sent a request sees of it later: the status check by code and e-mail, and "Permohonan saya".</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequesterTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "pemohon");
        await platform.SetFeatureAsync(_campus, "Forms", enabled: true);
        await new SopHarness(platform, _campus).InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan, "uji"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string FormPath => $"{_campus.Prefix}/formulir/permohonan-uji";

    [Fact]
    public async Task The_requester_checks_the_status_with_the_tracking_code_and_a_one_time_code_sent_to_their_email()
    {
        var email = $"sari.{Guid.NewGuid():N}@mahasiswa.test";
        using var sender = platform.Client();
        using var sent = await sender.SubmitAsync(FormPath, "form.intake", IntakeTests.Valid(email));
        var (_, done) = await sender.PageAsync(sent.Headers.Location!.OriginalString);
        var code = done.QuerySelector("#kode-pelacakan")!.TextContent;
        await MailDev.WaitForAsync(email); // the acknowledgment

        var statusPath = $"{_campus.Prefix}/formulir/status";
        // A stranger with the code but another e-mail is told the same words, and gets nowhere.
        using var stranger = platform.Client();
        var strangerEmail = $"orang.lain.{Guid.NewGuid():N}@mahasiswa.test";
        using (var asked = await stranger.SubmitAsync(statusPath, "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = strangerEmail }))
        {
            var page = await TestClient.ParseAsync(asked);
            Assert.NotNull(page.QuerySelector("#kode-dikirim"));
            using var guessed = await stranger.SubmitAsync(page, "form[action*='handler=Periksa']", new Dictionary<string, string> { ["KodeSekali"] = "123456" }, statusPath);
            Assert.Contains("tidak cocok", (await TestClient.ParseAsync(guessed)).QuerySelector("#kode-sekali-galat")!.TextContent);
        }
        await Assert.ThrowsAsync<TimeoutException>(() => MailDev.WaitForAsync(strangerEmail, TimeSpan.FromSeconds(2)));

        // The requester (code typed in lower case) receives a one-time code; a wrong one is refused beside the field.
        using var requester = platform.Client();
        var (codePage, otp) = await StatusCheck.RequestCodeAsync(requester, _campus.Prefix, code.ToLowerInvariant(), email);
        var wrong = otp == "000000" ? "111111" : "000000";
        using (var refused = await requester.SubmitAsync(codePage, "form[action*='handler=Periksa']", new Dictionary<string, string> { ["KodeSekali"] = wrong }, statusPath))
            Assert.NotNull((await TestClient.ParseAsync(refused)).QuerySelector("#kode-sekali-galat"));
        using (var verified = await requester.SubmitAsync(codePage, "form[action*='handler=Periksa']", new Dictionary<string, string> { ["KodeSekali"] = otp }, statusPath))
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        var (_, status) = await requester.PageAsync(statusPath);
        Assert.Equal(code, status.QuerySelector("#kode-pelacakan")!.TextContent);
        Assert.Equal("Sedang diproses", status.QuerySelector("#status-permohonan")!.TextContent.Trim());
        Assert.Contains("Staf Bagian Konseling & Asesmen menerima informasi kebutuhan", status.QuerySelector(".langkah-aktif")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mengatur waktu belajar", status.Body!.TextContent); // answers are not shown
        Assert.DoesNotContain("2021001234", status.Body!.TextContent);

        // The stranger's device still sees only the code form.
        var (_, strangerView) = await stranger.PageAsync(statusPath);
        Assert.Null(strangerView.QuerySelector("#status-permohonan"));
    }

    [Fact]
    public async Task A_signed_in_person_sees_their_requests_with_the_current_step_and_nobody_elses()
    {
        async Task<string> SendAsync(TestClient client, string email)
        {
            using var sent = await client.SubmitAsync(FormPath, "form.intake", IntakeTests.Valid(email));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            return System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        }
        using var person = platform.Client();
        await person.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var whileSignedIn = await SendAsync(person, $"lain.{Guid.NewGuid():N}@mahasiswa.test"); // another contact address, same account
        using var anonymous = platform.Client();
        var withAccountEmail = await SendAsync(anonymous, _campus.AdminEmail);
        // People type their address in any case; it is still theirs.
        var shouted = await SendAsync(anonymous, _campus.AdminEmail.ToUpperInvariant());
        var someoneElse = await SendAsync(anonymous, $"orang.{Guid.NewGuid():N}@mahasiswa.test");

        var (status, mine) = await person.PageAsync($"{_campus.Prefix}/permohonan-saya");
        Assert.Equal(HttpStatusCode.OK, status);
        var codes = mine.QuerySelectorAll("article.permohonan[data-kode]").Select(r => r.GetAttribute("data-kode")).ToList();
        Assert.Contains(whileSignedIn, codes);
        Assert.Contains(withAccountEmail, codes);
        Assert.Contains(shouted, codes);
        Assert.DoesNotContain(someoneElse, codes);
        var row = mine.QuerySelector($"article.permohonan[data-kode='{whileSignedIn}']")!;
        Assert.Equal("Sedang diproses", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains("Staf Bagian Konseling & Asesmen menerima informasi kebutuhan", row.QuerySelector(".langkah")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mengatur waktu belajar", mine.Body!.TextContent);

        using var notSignedIn = await anonymous.GetAsync($"{_campus.Prefix}/permohonan-saya");
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Contains("/akun/masuk", notSignedIn.Headers.Location!.OriginalString);
    }
}

/// <summary>Asks for a status check's one-time code as the requester does and reads it from the e-mail.</summary>
internal static class StatusCheck
{
    public static async Task<(IDocument CodePage, string Otp)> RequestCodeAsync(TestClient client, string prefix, string code, string email)
    {
        using var asked = await client.SubmitAsync($"{prefix}/formulir/status", "form[action*='handler=Minta']", new Dictionary<string, string> { ["KodePelacakan"] = code, ["Email"] = email });
        var page = await TestClient.ParseAsync(asked);
        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(10), m => m.Subject.Contains("Kode sekali pakai"));
        return (page, System.Text.RegularExpressions.Regex.Match(mail.Text, @"\b(\d{6})\b").Groups[1].Value);
    }
}

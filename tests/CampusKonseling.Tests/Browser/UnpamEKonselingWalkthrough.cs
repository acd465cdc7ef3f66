using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// UNPAM's Layanan Konseling Online, walked as its document reads: a student registers for E-konseling on a phone (steps 1–5),
/// the response "2 menit setelah pengisian data … by mail dan HP" (step 6) arrives in their mailbox within those two minutes
/// without anyone clicking, and IT, opening the request, finds steps 1–6 already done by Sistem.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UnpamEKonselingWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_student_registers_on_a_phone_and_gets_the_response_by_mail_within_two_minutes_with_steps_1_to_6_done_by_the_system()
    {
        var campus = await platform.CreateTenantAsync("unpam", "ekonselingweb");
        var sop = new SopHarness(platform, campus);
        var email = $"nadia.{Guid.NewGuid():N}@mahasiswa.unpam.test";

        await using var phone = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID", IsMobile = true, HasTouch = true,
        });
        phone.SetDefaultTimeout(60_000);
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"{campus.Prefix}/formulir/e-konseling", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pendaftaran E-konseling");

        // Step 1 and 3: register and write who she is; step 4: Konseling Online opens the problem field ("Next").
        await page.Locator("input[name='f_nama']").FillAsync("Nadia Putri Anggraini");
        await page.Locator("input[name='f_nim']").FillAsync("221011450321");
        await page.Locator("input[name='f_prodi']").FillAsync("Manajemen");
        await page.Locator("input[name='f_email']").FillAsync(email);
        await page.Locator("input[name='f_hp']").FillAsync("0813 1122 3344");
        await page.Locator("input[name='f_saluran'][value='Konseling Online']").CheckAsync();
        await page.Locator("input[name='f_bidang'][value='Akademik']").CheckAsync();
        // Step 5: the problem, which only the counselor will read.
        await Assertions.Expect(page.Locator("textarea[name='f_permasalahan']")).ToBeVisibleAsync();
        await page.Locator("textarea[name='f_permasalahan']").FillAsync("Nilai saya turun sejak semester ini dan saya kesulitan mengatur waktu belajar.");
        await page.Locator("input[name='f_setuju']").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Shot("1-formulir-terisi"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
        var code = (await page.Locator("#kode-pelacakan").TextContentAsync())!.Trim();
        var sentAt = DateTimeOffset.UtcNow;
        await page.ScreenshotAsync(new() { Path = Shot("2-terkirim"), FullPage = true });

        // Step 6: the response is in the student's own mailbox within the SOP's 2 minutes, read back from maildev's REST API.
        var response = await ResponseAsync(email, code, TimeSpan.FromMinutes(2));
        Assert.True(response.Received - sentAt < TimeSpan.FromMinutes(2), $"the response came {response.Received - sentAt} after the submission");
        Assert.Contains("Yth. Nadia Putri Anggraini", response.Text);
        Assert.Contains($"/{campus.Prefix}/formulir/status", response.Text);
        Assert.DoesNotContain("Nilai saya turun", response.Text);
        await page.SetContentAsync($"<pre style='white-space:pre-wrap;font:14px sans-serif;padding:12px'><b>{System.Net.WebUtility.HtmlEncode(response.Subject)}</b>\n\n{System.Net.WebUtility.HtmlEncode(response.Text)}</pre>");
        await page.ScreenshotAsync(new() { Path = Shot("3-tanggapan-di-email"), FullPage = true });

        // IT opens the request: steps 1–6 are done, by Sistem, and nothing is left for IT to click.
        await using var desk = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress.ToString(), Locale = "id-ID" });
        desk.SetDefaultTimeout(60_000);
        var it = await desk.NewPageAsync();
        await it.GotoAsync($"{campus.Prefix}/akun/masuk", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await it.GetByLabel("E-mail").FillAsync("it@unpam.demo");
        await it.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await it.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(it).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{campus.Prefix}/admin$"));
        var definitionId = await sop.DefinitionIdAsync("146/A.3.1/SOP/UNPAM/X/2019");
        await it.GotoAsync($"{campus.Prefix}/admin/sop/{definitionId}/instans", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await it.Locator("table.instances tbody tr", new() { HasText = $"Permohonan {code}" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Heading, new() { Name = "Riwayat" })).ToBeVisibleAsync();

        var done = it.Locator("table.history tbody tr[data-jenis='Diselesaikan']");
        await Assertions.Expect(done).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            await Assertions.Expect(done.Nth(i).Locator("td").Nth(3)).ToHaveTextAsync((i + 1).ToString());
            await Assertions.Expect(done.Nth(i).Locator("td").Nth(4)).ToHaveTextAsync("Sistem");
        }
        await Assertions.Expect(done.Nth(3)).ToContainTextAsync("Konseling Online (langsung Klik Next)");
        await Assertions.Expect(done.Nth(5)).ToContainTextAsync("pesan terkirim");
        var chart = it.Locator("svg g.langkah[data-step='6']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "selesai");
        await Assertions.Expect(chart.Locator("text.aksi")).ToHaveTextAsync("✉ pesan tanggapan-e-konseling");
        // What is open is the counselor's follow-up (step 7), which IT may not complete.
        await Assertions.Expect(it.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new System.Text.RegularExpressions.Regex("^Langkah 7") })).ToBeVisibleAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Selesaikan") })).ToHaveCountAsync(0);
        await it.ScreenshotAsync(new() { Path = Shot("4-it-melihat-langkah-1-6-oleh-sistem"), FullPage = true });
    }

    private sealed record Response(string Subject, string Text, DateTimeOffset Received);

    /// <summary>maildev's REST API, polled for this student's own address and this request's response; never "the latest mail".</summary>
    private static async Task<Response> ResponseAsync(string to, string code, TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("CK_MAILDEV_URL") ?? throw new InvalidOperationException("Run ./test.sh: it starts maildev and sets CK_MAILDEV_URL.")) };
        var until = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < until)
        {
            foreach (var mail in (await http.GetFromJsonAsync<JsonElement>("email")).EnumerateArray())
            {
                var subject = mail.GetProperty("subject").GetString() ?? "";
                if (!mail.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == to) || !subject.Contains("Tanggapan E-konseling " + code)) continue;
                var at = mail.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetDateTimeOffset() : DateTimeOffset.UtcNow;
                return new Response(subject, mail.GetProperty("text").GetString() ?? "", at);
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"No response to {to} for {code} within {within}.");
    }

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"unpam-e-konseling-{step}.png");
}

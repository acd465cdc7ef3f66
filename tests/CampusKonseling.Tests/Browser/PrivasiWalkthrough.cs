using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// UNPAM's web admin names the campus's data protection officer and reads the record of processing activities; a student
/// on a phone opens the form's privacy notice and sees whom to write to. Both pages at 390×844 and 1366×768, screenshots,
/// and no serious or critical axe-core violation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PrivasiWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _unpam = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _unpam = await platform.CreateTenantAsync("unpam", "privasi");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_admin_names_the_dpo_reads_the_record_and_a_student_reads_the_notice()
    {
        foreach (var (device, width, height) in new[] { ("desktop", 1366, 768), ("ponsel", 390, 844) })
        {
            await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID",
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{_unpam.Prefix}/akun/masuk", Loaded);
            await page.GetByLabel("E-mail").FillAsync(_unpam.AdminEmail);
            await page.GetByLabel("Kata sandi").FillAsync(_unpam.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_unpam.Prefix}/admin$"));

            await page.GotoAsync($"{_unpam.Prefix}/admin/privasi", Loaded);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pelindungan data pribadi");
            var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Pejabat pelindungan data pribadi" }) });
            await section.GetByLabel("Nama").FillAsync("Dr. Ayu Lestari, M.H.");
            await section.GetByLabel("E-mail").FillAsync("ppdp@unpam.test");
            await section.GetByRole(AriaRole.Button, new() { Name = "Simpan pejabat" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.alert.success")).ToContainTextAsync("Pejabat pelindungan data pribadi disimpan.");
            await Assertions.Expect(page.Locator("table.rekam-pemrosesan tr[data-kunci^='sop:']")).Not.ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Shot($"rekaman-{device}"), FullPage = true });
            await Axe.AssertNoSeriousViolationsAsync(page, $"Pelindungan data pribadi ({device})");

            // The student is nobody signed in: a context of their own.
            await using var anonymous = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID",
            });
            var student = await anonymous.NewPageAsync();
            await student.GotoAsync($"{_unpam.Prefix}/formulir", Loaded);
            await student.Locator("a[href*='/formulir/']").First.ClickAsync();
            var notice = student.Locator("details.privasi");
            await notice.Locator("summary").ClickAsync();
            await Assertions.Expect(notice.Locator("[data-pejabat]")).ToContainTextAsync("ppdp@unpam.test");
            await notice.ScrollIntoViewIfNeededAsync();
            await student.ScreenshotAsync(new() { Path = Shot($"pemberitahuan-{device}"), FullPage = true });
            await Axe.AssertNoSeriousViolationsAsync(student, $"formulir dengan pemberitahuan privasi ({device})");
        }
    }

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"privasi-{step}.png");

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

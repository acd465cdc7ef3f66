using System.Globalization;
using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Localization;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A staff member of a campus in Makassar reads a new task on their phone in Bahasa Indonesia, switches the site to English
/// and reads the same notice in English; signing in on a laptop, the site is in English for her there too, and the inbox
/// and the case show the same due time, always in WITA.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NoticeLanguageWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private WitaCampus _c = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _c = await WitaCampus.CreateAsync(platform, "bahasa");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_staff_member_reads_the_new_task_in_either_language_and_every_time_in_wita()
    {
        var (c, _) = await _c.SubmitAsync(platform);
        var due = c.JatuhTempo!.Value;
        var id = CultureInfo.GetCultureInfo("id-ID");

        var phone = await PageAsync(390, 844);
        await SignInAsync(phone);
        await phone.GotoAsync($"{_c.Prefix}/notifikasi", CaseWalk.Loaded);
        var notice = phone.Locator("li.notification[data-jenis='sop-tugas']").Filter(new() { HasText = c.KodePelacakan! });
        await Assertions.Expect(notice.Locator("strong")).ToContainTextAsync("Tugas baru: langkah 2 Layanan cepat (uji)");
        await Assertions.Expect(notice).ToContainTextAsync($"Jatuh tempo {WitaCampus.Wita(due, "dd/MM/yyyy HH:mm", id)}.");
        await Assertions.Expect(notice.Locator("small.waktu")).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}\.\d{2} WITA$"));
        await ShotAsync(phone, "01-notifikasi-bahasa-indonesia-390");

        await phone.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).First.ClickAsync();
        await Assertions.Expect(notice.Locator("strong")).ToContainTextAsync("New task: step 2 of Layanan cepat (uji)");
        await Assertions.Expect(notice).ToContainTextAsync($"Due {WitaCampus.Wita(due, "dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("en"))}.");
        await ShotAsync(phone, "02-notifikasi-english-390");

        var laptop = await PageAsync(1366, 768);
        await SignInAsync(laptop);
        await laptop.GotoAsync($"{_c.Prefix}/admin/kasus", CaseWalk.Loaded);
        var en = CultureInfo.GetCultureInfo("en");
        await Assertions.Expect(laptop.Locator($"tr[data-kasus='{c.Nomor}'] td[data-label='Due']")).ToHaveTextAsync(WitaCampus.Wita(due, "dd/MM HH:mm", en));
        await ShotAsync(laptop, "03-kotak-masuk-1366");
        await laptop.GotoAsync($"{_c.Prefix}/admin/kasus/{c.Id}", CaseWalk.Loaded);
        await Assertions.Expect(laptop.Locator("main")).ToContainTextAsync(WitaCampus.Wita(due, "dd/MM/yyyy HH:mm", en));
        await ShotAsync(laptop, "04-kasus-1366");
    }

    private async Task<IPage> PageAsync(int width, int height)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID",
            IsMobile = width < 600, HasTouch = width < 600,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync($"{_c.Prefix}/akun/masuk", CaseWalk.Loaded);
        await page.GetByLabel("E-mail").FillAsync(_c.DemoStaff);
        await page.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/akun/masuk"));
    }

    private static Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(RepoPaths.Screenshots, $"bahasa-waktu-{name}.png"), FullPage = true,
    });
}

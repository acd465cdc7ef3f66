using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>A campus web admin, on a phone-sized screen, signs in and switches on the campus pages module.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EnableModuleWalkthrough(PlatformFixture platform) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private int _step;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("unipma", "web");
        await platform.SetFeatureAsync(_campus, "Pages", enabled: false);
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Web_admin_signs_in_and_enables_the_campus_pages_module()
    {
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // 1. The pages are not there yet.
        var missing = await page.GotoAsync($"{_campus.Prefix}/halaman/faq", Loaded);
        Assert.Equal(404, missing!.Status);
        await ShotAsync(page, "halaman-belum-aktif");

        // 2. Sign in to the staff area.
        await page.GotoAsync($"{_campus.Prefix}/admin", Loaded);
        Assert.Contains("/akun/masuk", page.Url);
        await page.GetByLabel("E-mail").FillAsync(_campus.AdminEmail);
        await page.GetByLabel("Kata sandi").FillAsync(_campus.AdminPassword);
        await ShotAsync(page, "masuk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{_campus.Prefix}/admin$")); // polls; no load event to miss after the sign-in redirect
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Selamat datang");
        await Assertions.Expect(page.Locator("nav.admin-nav a[data-menu='admin/halaman']")).ToHaveCountAsync(0);
        await ShotAsync(page, "dasbor");

        // 3. Open Fitur (from the menu, folded behind its button on a phone) and switch on "Halaman kampus".
        await page.Locator(".admin-header .menu-toggle").ClickAsync();
        await page.Locator("nav.admin-nav a[data-menu='admin/fitur']").ClickAsync();
        var feature = page.Locator("li[data-feature='Pages']");
        await Assertions.Expect(feature).ToContainTextAsync("Nonaktif");
        await ShotAsync(page, "fitur");
        await feature.GetByRole(AriaRole.Button, new() { Name = "Aktifkan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("Fitur diaktifkan: Halaman kampus.");
        await Assertions.Expect(feature).ToContainTextAsync("Aktif");
        await Assertions.Expect(page.Locator("nav.admin-nav a[data-menu='admin/halaman']")).ToHaveCountAsync(1);
        await ShotAsync(page, "fitur-diaktifkan");

        // 4. The campus site now has its pages.
        var faq = await page.GotoAsync($"{_campus.Prefix}/halaman/faq", Loaded);
        Assert.Equal(200, faq!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pertanyaan yang Sering Diajukan");
        await ShotAsync(page, "halaman-faq");
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"enable-module-{++_step:00}-{name}.png"), FullPage = true });

    // The DOM is what the steps need; waiting for every subresource only adds ways to stall.
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A new browser (its own cookies) of the given size, in Indonesian, signed in to the campus as <paramref name="email"/>;
    /// downloads allowed. Waits for the next page's commit, not its load event (which a busy machine may miss).
    /// </summary>
    public async Task<IPage> SignedInAsync(Uri baseAddress, string prefix, string email, int width, int height, string password = "Demo12345")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID", AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{prefix}/akun/masuk", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/akun/masuk"), new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

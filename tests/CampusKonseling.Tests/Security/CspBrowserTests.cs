using System.Collections.Concurrent;
using CampusKonseling.Host.Infrastructure;
using CampusKonseling.Tests.Browser;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Campus A's administrator plants a page meant to read campus B's staff inbox; both campuses share one origin.
/// In real Chromium the planted handlers do not survive the sanitizer, and even markup the sanitizer would have
/// missed (injected into the response here, with the server's own headers kept) runs no script: the browser
/// reports the violation, the marker stays unset, and nothing asks for campus B's staff pages — also not when
/// campus B's signed-in staff member opens the page.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CspBrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _a = null!, _b = null!;
    private int _step;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _a = await platform.CreateTenantAsync("unipma", "cspa");
        _b = await platform.CreateTenantAsync("konseling-asesmen", "cspb");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    /// <summary>What the planted page tries: mark the window, read B's inbox, send it away.</summary>
    private string Steal(string how) =>
        $"window.__dicuri='{how}';fetch('/{_b.Prefix}/admin/kasus').then(r=>r.text()).then(t=>fetch('/{_a.Prefix}/bocor?d='+encodeURIComponent(t.slice(0,200))))";

    [Fact]
    public async Task A_planted_page_runs_no_script_and_cannot_read_another_campus_staff_inbox()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = Watch(page);
        var console = new ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue(m.Text);

        // Campus A's admin saves a page with handlers in every form Markdown lets through.
        await SignInAsync(page, _a);
        await page.GotoAsync($"{_a.Prefix}/admin/halaman/baru", Loaded);
        await page.FillAsync("input[name='Input.Title']", "Info Beasiswa");
        await page.FillAsync("input[name='Input.Slug']", "info-beasiswa");
        await page.FillAsync("textarea[name='Input.Body']", string.Join("\n\n",
            "# Info Beasiswa",
            $"[Daftar](javascript:{Steal("tautan")})",
            $"![poster](x){{onerror=\"{Steal("gambar")}\"}}",
            $"Klik di sini{{onclick=\"{Steal("klik")}\"}}",
            $"<script>{Steal("skrip")}</script>",
            $"<img src=x onerror=\"{Steal("img")}\">",
            PageSanitizerTests.Attack));
        await ShotAsync(page, "admin-a-menanam");
        await page.ClickAsync("form.card button.primary");
        await page.WaitForURLAsync(url => url.Contains("/admin/halaman"), Committed);

        await page.GotoAsync($"{_a.Prefix}/halaman/info-beasiswa", Loaded);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForTimeoutAsync(500);
        await ShotAsync(page, "halaman-tertanam");
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__dicuri ?? null"));
        AssertNothingAskedOf(_b, requests);

        // A visitor who clicks what the page offers runs nothing either.
        await page.GetByText("Klik di sini").ClickAsync();
        await page.GetByText("Daftar", new() { Exact = true }).ClickAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__dicuri ?? null"));
        Assert.Equal(0, await page.Locator("article.prose [onclick], article.prose [onerror], article.prose a[href^='javascript']").CountAsync());
        AssertNothingAskedOf(_b, requests);
    }

    [Fact]
    public async Task Markup_that_got_past_the_sanitizer_is_still_blocked_and_reported_and_campus_b_staff_leak_nothing()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue(m.Text);

        // Campus B's counselor is signed in, in the same browser: the inbox is there to be read.
        await SignInAsync(page, _b);
        var inbox = await page.GotoAsync($"{_b.Prefix}/admin/kasus", Loaded);
        Assert.Equal(200, inbox!.Status);
        await ShotAsync(page, "staf-b-kotak-masuk");

        // As if the sanitizer had a bug: the page arrives with a script and a handler, under the server's own headers.
        await page.RouteAsync($"**/{_a.Prefix}/halaman/faq", async route =>
        {
            var response = await route.FetchAsync();
            var html = (await response.TextAsync()).Replace("</article>",
                $"<script>{Steal("skrip")}</script><img src=\"x-tidak-ada\" onerror=\"{Steal("img")}\"><p id=\"tertanam\">disisipkan</p></article>");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        var requests = Watch(page);
        var violation = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("Content Security Policy"), Timeout = 15_000 });
        var planted = await page.GotoAsync($"{_a.Prefix}/halaman/faq", Loaded);
        Assert.NotNull(planted!.Headers.GetValueOrDefault("content-security-policy"));
        await page.Locator("#tertanam").WaitForAsync();
        await violation;
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForTimeoutAsync(500);
        await ShotAsync(page, "halaman-a-disisipi");

        Assert.Null(await page.EvaluateAsync<string?>("() => window.__dicuri ?? null"));
        AssertNothingAskedOf(_b, requests);
        Assert.Contains(console, m => m.Contains("Content Security Policy") && m.Contains("script-src"));
        Assert.DoesNotContain(_b.AdminEmail, await page.ContentAsync());

        // The browser also told the platform, which logs what was blocked on which page.
        var log = platform.Services.GetRequiredService<CspViolationLog>();
        var path = $"/{_a.Prefix}/halaman/faq";
        for (var i = 0; i < 50 && !log.Recent().Any(v => v.DocumentPath == path); i++) await Task.Delay(100);
        Assert.Contains(log.Recent(), v => v.DocumentPath == path && v.Directive.StartsWith("script-src"));
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static ConcurrentQueue<string> Watch(IPage page)
    {
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, r) => requests.Enqueue(r.Url);
        return requests;
    }

    private static void AssertNothingAskedOf(TestTenant b, ConcurrentQueue<string> requests)
    {
        Assert.DoesNotContain(requests, u => new Uri(u).AbsolutePath.StartsWith($"/{b.Prefix}/admin", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requests, u => u.Contains("/bocor"));
    }

    private static async Task SignInAsync(IPage page, TestTenant campus)
    {
        await page.GotoAsync($"{campus.Prefix}/akun/masuk", Loaded);
        await page.FillAsync("input[name='Input.Email']", campus.AdminEmail);
        await page.FillAsync("input[name='Input.Password']", campus.AdminPassword);
        await page.ClickAsync("form button.primary");
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"), Committed);
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"csp-{++_step:00}-{name}.png"), FullPage = true });

    // Waiting for the next page's commit, not its load event: a load event that fires while the wait is being set up is
    // missed on a busy machine and the wait times out (CI saw it after sign-in).
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// What the case walkthroughs do as their actors: sign in as a role (one browser per role), complete an SOP step
/// from the case page, make a numbered letter on the case, and save a screenshot per step.
/// </summary>
internal sealed class CaseWalk(BrowserFixture browser, PlatformFixture platform, TestTenant campus, string shotPrefix)
{
    public static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
    private readonly Dictionary<string, IPage> _pages = [];
    private int _shot;

    public Sop.SopHarness In { get; } = new(platform, campus);

    public async Task<IPage> AsAsync(string role)
    {
        if (_pages.TryGetValue(role, out var open)) return open;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{campus.Prefix}/akun/masuk", Loaded);
        await page.GetByLabel("E-mail").FillAsync(await In.EmailOfAsync(role));
        await page.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{campus.Prefix}/admin$")); // polls; no load event to miss after the sign-in redirect
        return _pages[role] = page;
    }

    /// <summary>From the case page to the SOP chart, ticks the step's kelengkapan (and decision), and completes it.</summary>
    public async Task CompleteStepAsync(IPage page, Guid caseId, string step, string? pilihan = null)
    {
        await page.GotoAsync($"{campus.Prefix}/admin/kasus/{caseId}", Loaded);
        await page.Locator(".case-now a.sop-chart").ClickAsync();
        var form = page.Locator($"form.complete-step:has(input[name='Input.StepId'][value='{step}'])");
        foreach (var box in await form.Locator("input[name='Input.Kelengkapan']").AllAsync()) await box.CheckAsync();
        if (pilihan is not null) await form.Locator($"input[name='Input.Pilihan'][value='{pilihan}']").CheckAsync();
        if (await form.Locator("textarea[name='Input.Keluaran']").CountAsync() > 0) await form.Locator("textarea[name='Input.Keluaran']").FillAsync($"Keluaran langkah {step}");
        await form.Locator("textarea[name='Input.Catatan']").FillAsync($"Langkah {step} selesai.");
        await ShotAsync(page, $"langkah-{step}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Selesaikan langkah" }).ClickAsync();
        await Assertions.Expect(page.Locator($".chart svg g[data-step='{step}']")).ToHaveAttributeAsync("data-state", "selesai");
    }

    /// <summary>Makes a letter from a template on the case (empty fields filled), checks its PDF, and returns its number.</summary>
    public async Task<string> LetterAsync(IPage page, Guid caseId, string template)
    {
        await page.GotoAsync($"{campus.Prefix}/admin/kasus/{caseId}/surat?Templat={template}#isi-surat", Loaded);
        foreach (var input in await page.Locator("form.letter-form input[name^='Nilai']").AllAsync())
            if (string.IsNullOrEmpty(await input.InputValueAsync())) await input.FillAsync("Isian uji");
        await ShotAsync(page, $"surat-{template}-isi");
        await page.Locator("form.letter-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("dibuat");
        var row = page.Locator("table.letters tbody tr").Last;
        var pdf = await page.APIRequest.GetAsync((await row.Locator("a.pdf").GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await ShotAsync(page, $"surat-{template}-dibuat");
        return (await row.GetAttributeAsync("data-surat"))!;
    }

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepoPaths.Screenshots, $"{shotPrefix}-{++_shot:00}-{Regex.Replace(name, "[^a-zA-Z0-9-]+", "-")}.png"), FullPage = true,
        });
}

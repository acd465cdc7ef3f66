using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// The Kepala Unit of IPDN opens the therapy SOP and its flowchart (the document's six columns, the Kasubbag/Staf column
/// split into the Kasubbag and the staff member named to accompany; the chain 7 → 8 → 9 as disposition actions), then
/// follows one case on it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TherapyChartWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _ipdn = null!;
    private int _step;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _ipdn = await platform.CreateTenantAsync("ipdn", "bagan");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_therapy_sop_shows_its_lanes_and_the_disposition_chain()
    {
        var sop = new SopHarness(platform, _ipdn);
        var konselor = await sop.ActorAsync("Konselor/Psikolog");
        var started = await sop.StartAsync("IPDN-BK-TERAPI", konselor, subjek: "Praja 2031-014");
        await sop.CompleteAsync(started.Instance!.Id, new CampusKonseling.Sop.Engine.CompleteStep("1", Masukan: new Dictionary<string, string> { ["Data Formulir Praja"] = "ada" }), konselor);

        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_ipdn.Prefix}/akun/masuk", Loaded);
        await page.GetByLabel("E-mail").FillAsync(await sop.EmailOfAsync("Kepala Unit"));
        await page.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{_ipdn.Prefix}/admin$")); // polls; no load event to miss after the sign-in redirect

        await page.Locator("nav.admin-nav a[data-menu='admin/sop']").ClickAsync();
        await Assertions.Expect(page.Locator("table.sop-list")).ToContainTextAsync("Administrasi Pelaksanaan Terapi");
        await ShotAsync(page, "daftar-sop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Administrasi Pelaksanaan Terapi bagi Praja dan Pegawai" }).ClickAsync();
        var chart = page.Locator(".chart svg");
        await Assertions.Expect(chart.Locator("g.lajur")).ToHaveCountAsync(7);
        await Assertions.Expect(chart.Locator("g.lajur[data-lane='pendamping'] text.ikatan")).ToHaveTextAsync("(pendamping yang ditugaskan)");
        var lane = (await chart.Locator("g.lajur[data-lane='pendamping'] rect").BoundingBoxAsync())!;
        var binding = (await chart.Locator("g.lajur[data-lane='pendamping'] text.ikatan").BoundingBoxAsync())!;
        Assert.True(binding.X >= lane.X && binding.X + binding.Width <= lane.X + lane.Width, $"the lane's binding ({binding.X}+{binding.Width}) is cut off by its lane ({lane.X}+{lane.Width})");
        // The document has no branches: the leaders write what they decide as the disposition's content.
        await Assertions.Expect(chart.Locator("g.langkah.keputusan")).ToHaveCountAsync(0);
        await Assertions.Expect(chart.Locator("g[data-step='3'] text.aksi")).ToHaveTextAsync("✎ surat nota-dinas · ☞ tunjuk pendamping");
        await Assertions.Expect(chart.Locator("g[data-step='7'] text.aksi")).ToHaveTextAsync("➜ disposisi Kepala Biro III");
        await Assertions.Expect(chart.Locator("g[data-step='8'] text.aksi")).ToHaveTextAsync("➜ disposisi Rektor");
        await Assertions.Expect(chart.Locator("g[data-step='9'] text.aksi")).ToHaveTextAsync("➜ disposisi Kepala Unit");
        await Assertions.Expect(chart.Locator("g[data-step='10'] text.aksi")).ToHaveTextAsync("↩ laporan disposisi");
        await chart.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "dokumen-dan-bagan");
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, "therapy-chart-ipdn-terapi.png") });

        await page.GotoAsync($"{_ipdn.Prefix}/admin/sop/instans/{started.Instance.Id}", Loaded);
        await Assertions.Expect(page.Locator(".chart svg g[data-step='1']")).ToHaveAttributeAsync("data-state", "selesai");
        await Assertions.Expect(page.Locator(".chart svg g[data-step='2']")).ToHaveAttributeAsync("data-state", "aktif");
        await ShotAsync(page, "instans");
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"therapy-{++_step:00}-{name}.png"), FullPage = true });

    // The DOM is what the steps need; waiting for every subresource only adds ways to stall.
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

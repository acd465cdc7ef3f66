using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Reports;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// The unit head reads October's report: headline figures and charts, clicks a number to the cases behind it,
/// sorts a table, switches to "for outside the unit" (small counts hidden, no links), and opens the baku-mutu page.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportsWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_unit_head_reads_the_month_drills_down_and_prepares_a_report_for_outside_the_unit()
    {
        var site = await ReportCampus.GetAsync(platform);
        var walk = new CaseWalk(_browser, platform, site.A, "laporan");
        var page = await walk.AsAsync("Staf Konseling & Asesmen");

        await page.GotoAsync($"{site.A.Prefix}/admin/laporan", CaseWalk.Loaded);
        await page.Locator("#jenis").SelectOptionAsync("bulan");
        await page.Locator("#bulan").FillAsync(ReportCampus.Bulan);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".period-label")).ToContainTextAsync("Oktober 2026");
        await Assertions.Expect(page.Locator(".headline dd").First).ToHaveTextAsync("5");
        await walk.ShotAsync(page, "dasbor-oktober");

        await page.Locator("section[data-tabel='bidang'] tbody tr:has(th:text-is('Akademik')) td").First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("section[data-tabel='kasus'] tbody tr")).ToHaveCountAsync(3);
        await walk.ShotAsync(page, "kasus-di-balik-angka");
        await page.GoBackAsync();

        await page.Locator("section[data-tabel='konselor'] thead th a").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("section[data-tabel='konselor'] thead th[aria-sort='descending']")).ToHaveCountAsync(1);
        await walk.ShotAsync(page, "diurutkan");

        await page.Locator("input[name='luar']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-luar-unit]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[data-tabel] tbody a")).ToHaveCountAsync(0);
        await walk.ShotAsync(page, "untuk-luar-unit");

        await page.GotoAsync($"{site.A.Prefix}/admin/laporan/baku-mutu?jenis=bulan&bulan={ReportCampus.Bulan}", CaseWalk.Loaded);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kepatuhan baku mutu SOP");
        await walk.ShotAsync(page, "baku-mutu");
    }
}

using CampusKonseling.Host.Setup.Demo;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampusKonseling.Tests.Operations;

/// <summary>
/// <c>./run.sh</c>'s demo campuses are not empty: each gets a semester written by the platform's own services — cases in
/// every state across its SOPs, counselors with caseloads, notes in every tier, letters, a student directory and
/// programmes with registrations and attendance — once; a restart adds nothing; outside demo mode none of it runs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoSemesterTests(PlatformFixture platform, DemoHost demo) : IClassFixture<DemoHost>
{
    private static readonly string[] CaseCampuses = ["ipdn", "konseling-asesmen", "unipma", "unpam"];
    private static readonly string[] DirectoryCampuses = ["iuqi", "konseling-asesmen", "unipma"];
    private static readonly string[] ProgrammeCampuses = ["iuqi", "unipma"];

    /// <summary>Where each case stands now, as an inbox reader sees it; closed before 20 weeks ago is last semester's (the archive).</summary>
    private const string States = """
        SELECT concat_ws(' ',
          count(*) FILTER (WHERE status = 'baru' AND NOT dirujuk),
          count(*) FILTER (WHERE status = 'berjalan' AND NOT terlambat AND NOT dirujuk),
          count(*) FILTER (WHERE status = 'berjalan' AND terlambat AND NOT dirujuk),
          count(*) FILTER (WHERE status IN ('baru', 'berjalan') AND dirujuk),
          count(*) FILTER (WHERE status = 'selesai' AND ditutup_pada >= now() - interval '20 weeks'),
          count(*) FILTER (WHERE status = 'selesai' AND ditutup_pada < now() - interval '20 weeks'))
        FROM (SELECT c.*, EXISTS (SELECT 1 FROM kasus.referrals r WHERE r.case_id = c.id AND r.hasil_diterima_pada IS NULL) AS dirujuk FROM kasus.cases c) k
        """;

    [Fact]
    public async Task Each_demo_campus_has_a_semester_with_cases_in_every_state_and_a_restart_adds_nothing()
    {
        // 12 cases by the demo's shares: new, in progress, overdue, referred out, closed this semester, closed last semester.
        Assert.Equal("1 3 1 1 4 2", string.Join(' ', CasePlan.Counts(DemoHost.Kasus).Values));
        foreach (var campus in CaseCampuses)
        {
            Assert.True("1 3 1 1 4 2" == await demo.ScalarAsync<string>(campus, States), $"{campus}: {await demo.ScalarAsync<string>(campus, States)}");
            // Closed cases are filed in the archive; counselors carry caseloads; every tier of note is written.
            Assert.Equal(6, await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM arsip.records WHERE jenis = 'kasus'"));
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(DISTINCT konselor_id) FROM kasus.cases") >= 3, campus);
            foreach (var tier in new[] { "administratif", "konseling" })
                Assert.True(await demo.ScalarAsync<int>(campus, $"SELECT count(*) FROM kasus.entries WHERE tingkat = '{tier}'") > 0, $"{campus}: {tier}");
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM letters.letters") > 0, campus);
            // The SOP history is the engine's own: steps done within their standard and late, and the work on the audit chain.
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM sop.activations WHERE berakhir_pada <= jatuh_tempo") > 0, campus);
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM sop.events WHERE jenis = 'Terlambat'") > 0, campus);
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM audit.entries WHERE agen_pengguna LIKE '%demo-semester%'") > 0, campus);
        }
        Assert.True(await Sum("SELECT count(*) FROM kasus.entries WHERE tingkat = 'pimpinan'") > 0);
        Assert.Equal(0, await demo.ScalarAsync<int>("iuqi", "SELECT count(*) FROM kasus.cases"));
        foreach (var campus in DirectoryCampuses)
            Assert.Equal(DemoHost.Mahasiswa, await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM direktori.students"));
        foreach (var campus in ProgrammeCampuses)
        {
            Assert.Equal(DemoHost.Program, await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM program.programs"));
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM program.programs WHERE status = 'selesai'") >= 1,
                $"{campus}: no programme finished; " + await demo.ScalarAsync<string>(campus, """
                    SELECT string_agg(p.judul || ' ' || p.status || ' (SOP ' || i.status || ', ' || coalesce((SELECT string_agg(a.step_id, '+') FROM sop.active_steps a WHERE a.instance_id = i.id), '-') || ')', '; ')
                    FROM program.programs p JOIN sop.instances i ON i.id = p.sop_instance_id
                    """) + "\n" + string.Join('\n', demo.Output.Split('\n').Where(l => l.Contains("Demo semester of"))));
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM program.participants") > 0, campus);
            Assert.True(await demo.ScalarAsync<int>(campus, "SELECT count(*) FROM program.participants WHERE hadir_pada IS NOT NULL") > 0, campus);
        }
        Assert.DoesNotContain("stopped early", demo.Output);
        Assert.DoesNotContain(demo.Output.Split('\n'), l => l.Contains("Demo semester of") && l.Contains("failed"));

        var before = await Sum("SELECT count(*) FROM kasus.cases");
        await demo.RestartAsync();
        Assert.Equal(before, await Sum("SELECT count(*) FROM kasus.cases"));
        foreach (var campus in CaseCampuses) Assert.Equal("1 3 1 1 4 2", await demo.ScalarAsync<string>(campus, States));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_inbox_archive_reports_and_compliance_pages_show_the_semester(int width, int height)
    {
        var browser = new Browser.BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var shots = new Shots($"demo-semester-{width}");
            var counselor = await SignInAsync(browser, "konselor@unipma.demo", width, height);
            // Where a counselor lands: what waits for them; no unit-wide figures (those are the head's).
            await shots.TakeAsync(counselor, "dasbor-konselor");
            Assert.True(await Figure(counselor, "Kasus", "Menunggu saya") + await Figure(counselor, "Kasus", "Menunggu tindakan klien") > 0, "the counselor's dashboard shows no case");
            Assert.Equal(0, await counselor.Locator(".kartu-dasbor dt", new() { HasText = "Semua kasus terbuka" }).CountAsync());
            await counselor.GotoAsync("unipma/admin/kasus", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(counselor, "kotak-masuk-konselor");
            Assert.True(await counselor.Locator("table.cases tbody tr").CountAsync() > 0, "the counselor's inbox is empty");

            var head = await SignInAsync(browser, "kepala@unipma.demo", width, height);
            // The head lands on the unit's dashboard: the semester's figures, the open and late cases, the programmes.
            await shots.TakeAsync(head, "dasbor-kepala");
            Assert.True(await Figure(head, "Semester ini", "Kasus dibuka") > 0, "no case opened this semester on the dashboard");
            Assert.True(await Figure(head, "Kasus", "Semua kasus terbuka") > 0, "no open case on the dashboard");
            Assert.True(await Figure(head, "Kasus", "Semua yang terlambat") > 0, "no overdue case on the dashboard");
            Assert.True(await head.Locator(".kartu-dasbor", new() { Has = head.Locator("h2", new() { HasText = "Program" }) }).Locator(".baris-dasbor li").CountAsync() > 0, "no programme coming up");
            await head.Locator(".kartu-dasbor", new() { Has = head.Locator("h2", new() { HasText = "Kasus" }) }).Locator(".angka", new() { HasText = "Semua yang terlambat" }).Locator("a").ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Terlambat=true"));
            Assert.True(await head.Locator("table.cases tbody tr.overdue").CountAsync() > 0, "the dashboard's late figure opens no late case");
            await head.GotoAsync("unipma/admin/kasus?Semua=true", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(head, "kotak-masuk-semua");
            Assert.True(await head.Locator("table.cases tbody tr.overdue").CountAsync() > 0, "no overdue case in the inbox");
            await head.Locator("table.cases tbody tr a").First.ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(head.Locator("h1")).ToContainTextAsync("KS-");
            await shots.TakeAsync(head, "kasus");

            await head.GotoAsync("unipma/admin/arsip", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(head, "arsip");
            Assert.Matches(@"[1-9]\d* hasil", await head.Locator("#jumlah").InnerTextAsync());

            await head.GotoAsync("unipma/admin/laporan?jenis=semester", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(head, "laporan-semester");
            Assert.True(int.Parse(await head.Locator(".headline dd").First.InnerTextAsync()) > 0, "no case opened this semester");

            await head.GotoAsync("unipma/admin/laporan/baku-mutu?jenis=semester", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(head, "baku-mutu");
            Assert.True(await head.Locator("section[data-tabel] tbody tr").CountAsync() > 0, "no compliance figures");

            await head.GotoAsync("unipma/admin/program", Browser.CaseWalk.Loaded);
            await shots.TakeAsync(head, "program");
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>The number a dashboard card shows beside a label.</summary>
    private static async Task<int> Figure(Microsoft.Playwright.IPage page, string card, string label) =>
        int.Parse(await page.Locator(".kartu-dasbor", new() { Has = page.Locator("h2", new() { HasText = card }) })
            .Locator(".angka", new() { Has = page.Locator("dt", new() { HasText = label }) }).Locator("dd").InnerTextAsync());

    private async Task<Microsoft.Playwright.IPage> SignInAsync(Browser.BrowserFixture browser, string email, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions
        {
            BaseURL = demo.Address.ToString(), ViewportSize = new Microsoft.Playwright.ViewportSize { Width = width, Height = height }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("unipma/akun/masuk", Browser.CaseWalk.Loaded);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/unipma/admin$"));
        return page;
    }

    private sealed class Shots(string prefix)
    {
        private int _n;

        public Task TakeAsync(Microsoft.Playwright.IPage page, string name) =>
            page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"{prefix}-{++_n:00}-{name}.png"), FullPage = true });
    }

    [Fact]
    public async Task Outside_demo_mode_no_demo_semester_is_written()
    {
        // The suite's platform runs in Testing without demo campuses: no demo clock, no seeding service.
        Assert.Null(platform.Services.GetService<DemoSemesterService>());
        Assert.DoesNotContain(platform.Services.GetServices<IHostedService>(), s => s is DemoSemesterService);
        Assert.IsNotType<DemoClock>(platform.Services.GetRequiredService<TimeProvider>());
        var campus = await platform.CreateTenantAsync("unipma", "demo");
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM kasus.cases"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM direktori.students"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM program.programs"));
    }

    private async Task<int> Sum(string sql)
    {
        var total = 0;
        foreach (var campus in CaseCampuses) total += await demo.ScalarAsync<int>(campus, sql);
        return total;
    }
}

using System.Net;
using System.Text;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Letters;

namespace CampusKonseling.Tests.Reports;

/// <summary>The leaders' dashboard over HTTP: its numbers, exports, drill-down, suppression, confidentiality, tenants and permissions.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    private const string Kepala = "Staf Konseling & Asesmen", Oktober = "jenis=bulan&bulan=" + ReportCampus.Bulan;
    private static readonly string[] Tables = ["periode", "sop", "bidang", "saluran", "jenis-klien", "prodi", "tunggu", "konselor"];

    private async Task<(ReportCampus Site, TestClient Client)> SignInAsync(string role = Kepala)
    {
        var site = await ReportCampus.GetAsync(platform);
        var client = platform.Client();
        await client.SignInAsync(site.A.Prefix, await site.InA.EmailOfAsync(role), "Demo12345");
        return (site, client);
    }

    [Fact]
    public async Task The_dashboard_shows_the_hand_counted_figures_and_every_export_holds_the_same_numbers()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var path = $"{site.A.Prefix}/admin/laporan?{Oktober}";
        var (status, page) = await client.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["5", "2", "4", "1", "5 jam"], page.QuerySelectorAll(".headline dd").Select(d => d.TextContent.Trim()));
        Assert.Equal([["SOP SOP-A", "3", "2", "3", "1"], ["SOP SOP-B", "2", "0", "1", "0"], ["Jumlah", "5", "2", "4", "1"]], ReportCampus.PageTable(page, "sop"));
        Assert.Equal(["Sudah dihubungi", "4", "5 jam", "18 jam 36 menit", "9 jam"], ReportCampus.PageTable(page, "tunggu")[0]);
        Assert.NotNull(page.QuerySelector("svg.chart title"));
        Assert.Contains(">3<", page.QuerySelector("svg#b-sop, figure.chart svg[aria-labelledby^='b-sop']")!.OuterHtml);

        var workbook = await BytesAsync(client, $"{path}&handler=Ekspor&format=xlsx");
        foreach (var kode in Tables)
        {
            var shown = ReportCampus.PageTable(page, kode);
            Assert.NotEmpty(shown);
            var csv = ReportCampus.Csv(await BytesAsync(client, $"{path}&handler=Ekspor&tabel={kode}&format=csv"));
            Assert.Equal(shown, csv);
            Assert.Equal(shown, ReportCampus.Xlsx(workbook, kode));
            Assert.Equal(shown, ReportCampus.Xlsx(await BytesAsync(client, $"{path}&handler=Ekspor&tabel={kode}&format=xlsx"), kode));
        }
    }

    [Fact]
    public async Task Every_number_links_to_the_cases_behind_it_and_sorting_follows_the_query_string()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var (_, page) = await client.PageAsync($"{site.A.Prefix}/admin/laporan?{Oktober}");
        var akademik = page.QuerySelectorAll("section[data-tabel='bidang'] tbody tr").Single(tr => tr.Children[0].TextContent.Trim() == "Akademik");
        var link = akademik.Children[1].QuerySelector("a")!.GetAttribute("href")!;
        var (status, list) = await client.PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["KS-UJI-004", "KS-UJI-002", "KS-UJI-001"], ReportCampus.PageTable(list, "kasus").Select(r => r[0]));
        Assert.DoesNotContain(ReportCampus.NamaKlien, list.DocumentElement.OuterHtml);
        var counts = page.QuerySelectorAll("section[data-tabel] td.num").Where(td => int.TryParse(td.TextContent.Trim(), out var n) && n > 0).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, td => Assert.NotNull(td.QuerySelector("a")));

        var sortLink = page.QuerySelectorAll("section[data-tabel='bidang'] thead th a")[1].GetAttribute("href")!;
        var (_, sorted) = await client.PageAsync(sortLink);
        Assert.Equal(["Akademik", "(tidak diisi)", "Pribadi"], ReportCampus.PageTable(sorted, "bidang").SkipLast(1).Select(r => r[0]));
        var (_, again) = await client.PageAsync(sorted.QuerySelectorAll("section[data-tabel='bidang'] thead th a")[1].GetAttribute("href")!);
        Assert.Equal(["(tidak diisi)", "Pribadi", "Akademik"], ReportCampus.PageTable(again, "bidang").SkipLast(1).Select(r => r[0]));
    }

    [Fact]
    public async Task A_report_for_outside_the_unit_shows_small_counts_as_under_five_everywhere_and_offers_no_drill_down()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var path = $"{site.A.Prefix}/admin/laporan?{Oktober}&luar=true";
        var (_, page) = await client.PageAsync(path);
        Assert.Equal([["SOP SOP-A", "<5", "<5", "<5", "<5"], ["SOP SOP-B", "<5", "0", "<5", "0"], ["Jumlah", "5", "<5", "<5", "<5"]], ReportCampus.PageTable(page, "sop"));
        // 4 contacted + 1 not = 5 opened: both hidden, the total stays.
        Assert.Equal([["Sudah dihubungi", "<5", "*", "*", "*"], ["Belum dihubungi", "<5", "–", "–", "–"], ["Kasus dibuka", "5", "–", "–", "–"]], ReportCampus.PageTable(page, "tunggu"));
        Assert.Empty(page.QuerySelectorAll("section[data-tabel] tbody a, section[data-tabel] tfoot a, .headline a"));
        Assert.DoesNotContain("/admin/laporan/kasus", page.DocumentElement.OuterHtml);

        var csv = ReportCampus.Csv(await BytesAsync(client, $"{path}&handler=Ekspor&tabel=sop&format=csv"));
        Assert.Equal(ReportCampus.PageTable(page, "sop"), csv);
        var workbook = await BytesAsync(client, $"{path}&handler=Ekspor&format=xlsx");
        Assert.Equal(ReportCampus.PageTable(page, "bidang"), ReportCampus.Xlsx(workbook, "bidang"));
        var pdf = LetterCampus.PdfText(await BytesAsync(client, $"{path}&handler=Pdf"));
        Assert.Contains("<5", pdf);
        Assert.Contains("Oktober 2026", pdf);
        // Reports that leave the unit are on the audit trail: who, which period, marked for outside the unit.
        Assert.Equal(true, await TestDatabase.ScalarAsync(site.A.Database,
            "SELECT count(*) > 0 FROM audit.entries WHERE subjek_jenis = 'laporan' AND subjek_id = '2026-10' AND ringkasan LIKE 'Laporan PDF dibuat (Oktober 2026, untuk luar unit)'"));

        var (drill, _) = await client.PageAsync($"{site.A.Prefix}/admin/laporan/kasus?dari=2026-10-01&sampai=2026-10-31&ukuran=Dibuka&luar=true");
        Assert.Equal(HttpStatusCode.NotFound, drill);
    }

    [Fact]
    public async Task No_counseling_text_reaches_any_report_page_export_or_pdf()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var path = $"{site.A.Prefix}/admin/laporan?{Oktober}";
        var outputs = new List<(string Name, string Text)>
        {
            ("halaman", (await client.PageAsync(path)).Page.DocumentElement.OuterHtml),
            ("rincian", (await client.PageAsync($"{site.A.Prefix}/admin/laporan/kasus?dari=2026-10-01&sampai=2026-10-31&ukuran=Dibuka")).Page.DocumentElement.OuterHtml),
            ("rincian-csv", Encoding.UTF8.GetString(await BytesAsync(client, $"{site.A.Prefix}/admin/laporan/kasus?dari=2026-10-01&sampai=2026-10-31&ukuran=Dibuka&handler=Ekspor&format=csv"))),
            ("xlsx", ReportCampus.XlsxText(await BytesAsync(client, $"{path}&handler=Ekspor&format=xlsx"))),
            ("pdf", LetterCampus.PdfText(await BytesAsync(client, $"{path}&handler=Pdf"))),
            ("baku-mutu", (await client.PageAsync($"{site.A.Prefix}/admin/laporan/baku-mutu?{Oktober}")).Page.DocumentElement.OuterHtml),
        };
        foreach (var kode in Tables) outputs.Add(("csv " + kode, Encoding.UTF8.GetString(await BytesAsync(client, $"{path}&handler=Ekspor&tabel={kode}&format=csv"))));
        foreach (var (name, text) in outputs)
        {
            Assert.DoesNotContain(ReportCampus.RahasiaKonseling, text);
            Assert.DoesNotContain(ReportCampus.RahasiaUraian, text);
        }
        // The searches can fail: administrative values of the same cases are there.
        Assert.All(outputs.Where(o => o.Name != "baku-mutu" && !o.Name.StartsWith("csv") && o.Name != "rincian-csv"), o => Assert.Contains("Konselor k1", o.Text));
        Assert.Contains("KS-UJI-001", outputs.Single(o => o.Name == "rincian-csv").Text);
    }

    [Fact]
    public async Task A_campus_dashboard_shows_nothing_of_another_campus()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var (_, a) = await client.PageAsync($"{site.A.Prefix}/admin/laporan?{Oktober}");
        Assert.DoesNotContain(ReportCampus.BidangB, a.DocumentElement.OuterHtml);
        Assert.Equal("5", ReportCampus.PageTable(a, "sop")[^1][1]);

        using var kepalaB = platform.Client();
        await kepalaB.SignInAsync(site.B.Prefix, await site.InB.EmailOfAsync("Kepala/Sekretaris P2KLLK"), "Demo12345");
        var (status, b) = await kepalaB.PageAsync($"{site.B.Prefix}/admin/laporan?{Oktober}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(ReportCampus.BidangB, b.DocumentElement.OuterHtml);
        Assert.Equal("1", ReportCampus.PageTable(b, "sop")[^1][1]);
        Assert.DoesNotContain("KS-UJI-001", b.DocumentElement.OuterHtml);
        // A's signed-in head cannot read B's reports with A's sign-in.
        using var cross = await client.GetAsync($"{site.B.Prefix}/admin/laporan?{Oktober}");
        Assert.NotEqual(HttpStatusCode.OK, cross.StatusCode);
    }

    [Fact]
    public async Task Staff_without_the_report_permission_are_refused_every_report_route()
    {
        var site = await ReportCampus.GetAsync(platform);
        using var tu = platform.Client();
        await tu.SignInAsync(site.B.Prefix, await site.InB.EmailOfAsync("TU"), "Demo12345");
        foreach (var route in new[] { "admin/laporan", "admin/laporan?handler=Pdf", "admin/laporan?handler=Ekspor&tabel=sop&format=csv", "admin/laporan/kasus?dari=2026-10-01&sampai=2026-10-31&ukuran=Dibuka", "admin/laporan/baku-mutu" })
        {
            using var response = await tu.GetAsync($"{site.B.Prefix}/{route}");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{route}: {response.StatusCode}");
            Assert.DoesNotContain(ReportCampus.BidangB, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Wrong_period_values_get_a_message_beside_the_field()
    {
        var (site, client) = await SignInAsync();
        using var _ = client;
        var (status, page) = await client.PageAsync($"{site.A.Prefix}/admin/laporan?jenis=kustom&dari=2026-10-10&sampai=2026-10-01");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tanggal akhir tidak boleh sebelum tanggal awal.", page.QuerySelector("[data-valmsg-for='Sampai']")!.TextContent);
        var (semester, sp) = await client.PageAsync($"{site.A.Prefix}/admin/laporan?jenis=semester&semester=2026-ganjil");
        Assert.Equal(HttpStatusCode.OK, semester);
        Assert.Contains("Semester Ganjil 2026/2027", sp.QuerySelector(".period-label")!.TextContent);
        // August 2026 – January 2027: cases 6 (November) and 7 (September) count too.
        Assert.Equal("7", ReportCampus.PageTable(sp, "sop")[^1][1]);
    }

    private static async Task<byte[]> BytesAsync(TestClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

using System.Net;
using CampusKonseling.Modules;
using CampusKonseling.Reports.Periods;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Reports;

/// <summary>The baku-mutu page shows exactly the Sop module's compliance figures, and drills to the activations and their cases.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompliancePageTests(PlatformFixture platform)
{
    private const string Karier = "SOP.P2KLLK-04", Empty = "{}";

    [Fact]
    public async Task The_compliance_page_shows_the_contract_figures_and_drills_to_the_cases()
    {
        var site = await ReportCampus.GetAsync(platform);
        // In March 2026 (WIB): step 1 done within its hour, step 2 three hours late; a second run's step 1 late, step 2 open past due.
        var i1 = await HistoryAsync(site, "KS-UJI-009", ("1", "2026-03-02 08:00", "2026-03-02 09:00", "2026-03-02 08:30"), ("2", "2026-03-02 08:30", "2026-03-02 09:30", "2026-03-02 11:30"));
        await HistoryAsync(site, null, ("1", "2026-03-05 08:00", "2026-03-05 09:00", "2026-03-05 10:00"), ("2", "2026-03-05 10:00", "2026-03-05 11:00", null));

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var maret = Periode.OfMonth(2026, 3);
        var rows = await site.InB.InCampusAsync(sp => sp.GetRequiredService<ShellFeatureServices>().Contract<ISopCompliance>()!
            .StepsAsync(new ComplianceQuery(maret.Dari(zone), maret.Sampai(zone))));
        var karier = rows.Where(r => r.SopKode == Karier).ToList();
        Assert.Contains(karier, r => r.Selesai > 0);

        using var kepala = platform.Client();
        await kepala.SignInAsync(site.B.Prefix, await site.InB.EmailOfAsync("Kepala/Sekretaris P2KLLK"), "Demo12345");
        var (status, page) = await kepala.PageAsync($"{site.B.Prefix}/admin/laporan/baku-mutu?jenis=bulan&bulan=2026-03");
        Assert.Equal(HttpStatusCode.OK, status);
        var shown = ReportCampus.PageTable(page, "sop-sop-p2kllk-04");
        Assert.Equal(karier.Count, shown.Count);
        for (var i = 0; i < karier.Count; i++)
        {
            var r = karier[i];
            string D(TimeSpan? t) => t is { } v ? Format.Durasi(v) : "–";
            var how = new[] { r.Otomatis switch
                {
                    "pesan" => "otomatis: sistem, diukur sampai pesan terkirim", "formulir" => "otomatis: sistem, dikerjakan klien di formulir",
                    "waktu" => "otomatis: sistem, selesai pada waktunya", _ => r.Klien ? "klien" : null,
                } }.OfType<string>().Concat(r.Aksi).ToList();
            var expected = new[] { r.No, r.Uraian, how.Count == 0 ? "–" : string.Join(" · ", how), r.Luaran ?? "–", r.Waktu ?? "–", r.Selesai.ToString(), D(r.Median), D(r.P90),
                r.PersenDalamBaku is { } p ? p.ToString("0.0", Format.Id) + " %" : "–", r.Terlambat.ToString(), r.Terbuka.ToString() };
            Assert.Equal(expected, shown[i]);
        }

        var late = page.QuerySelectorAll("section[data-tabel='sop-sop-p2kllk-04'] tbody tr").Single(tr => tr.Children[0].TextContent.Trim() == "2").Children[9].QuerySelector("a")!;
        var (drillStatus, drill) = await kepala.PageAsync(late.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, drillStatus);
        var activations = ReportCampus.PageTable(drill, "aktivasi");
        Assert.Equal(karier.Single(r => r.StepId == "2").Terlambat, activations.Count);
        Assert.Contains(activations, a => a[0] == "KS-UJI-009");
        Assert.NotNull(drill.QuerySelector($"a[href$='/admin/kasus/{CaseId(9)}']"));

        var csv = ReportCampus.Csv(await (await kepala.GetAsync($"{site.B.Prefix}/admin/laporan/baku-mutu?jenis=bulan&bulan=2026-03&handler=Ekspor&tabel=sop-sop-p2kllk-04&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(shown, csv);
        // The workbook carries the shares as numbers: 50 % within standard for step 1.
        var xlsx = ReportCampus.Xlsx(await (await kepala.GetAsync($"{site.B.Prefix}/admin/laporan/baku-mutu?jenis=bulan&bulan=2026-03&handler=Ekspor&format=xlsx")).Content.ReadAsByteArrayAsync(), "sop-sop-p2kllk-04");
        Assert.Equal(karier.Select(r => r.PersenDalamBaku?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"), xlsx.Select(r => r[8]));
        Assert.Equal(shown.Select(r => r[9]), xlsx.Select(r => r[9]));
        _ = i1;
    }

    private static Guid CaseId(int n) => Guid.Parse($"00000000-0000-0000-0000-00000000001{n}");

    /// <summary>A fixed history of the career SOP in campus B (times in WIB), and optionally the case it belongs to.</summary>
    private static async Task<Guid> HistoryAsync(ReportCampus site, string? kasus, params (string Step, string Aktif, string? Tempo, string? Selesai)[] steps)
    {
        static DateTimeOffset? W(string? t) => t is null ? null : DateTimeOffset.Parse($"{t} +07:00", System.Globalization.CultureInfo.InvariantCulture);
        var id = await StepHistory.InsertAsync(site.InB, site.B, Karier, "Permohonan uji", null,
            steps.Select(s => new Activation(s.Step, W(s.Aktif)!.Value, W(s.Tempo), W(s.Selesai))).ToArray());
        if (kasus is not null)
            await TestDatabase.ExecuteAsync(site.B.Database, $"""
                INSERT INTO kasus.cases (id, nomor, sumber, nama, status, sop_instance_id, sop_kode, sop_judul, langkah_aktif, peran_aktif, penerima_tugas, terlambat, dibuka_pada, diperbarui_pada)
                VALUES ('{CaseId(9)}', '{kasus}', 'formulir', 'Klien Uji', 'berjalan', '{id}', '{Karier}', 'Layanan Konseling Karier', '', '{Empty}', '{Empty}', true, '2026-03-02 08:00+07', now());
                """);
        return id;
    }
}

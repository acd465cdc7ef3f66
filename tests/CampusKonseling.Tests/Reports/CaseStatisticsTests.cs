using CampusKonseling.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Reports;

/// <summary>The Cases module's report figures for October 2026 (WIB) equal what was counted by hand from the fixed cases.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseStatisticsTests(PlatformFixture platform)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Oktober = new(2026, 10, 1, 0, 0, 0, Wib), November = new(2026, 11, 1, 0, 0, 0, Wib);

    [Fact]
    public async Task October_figures_equal_the_hand_count()
    {
        var site = await ReportCampus.GetAsync(platform);
        var s = await site.InA.InCampusAsync(sp => sp.GetRequiredService<ICaseStatistics>().ComputeAsync(new StatistikQuery(Oktober, November, Rentang.Hari)));

        // Opened: cases 1–5 (case 6 opens on 1 November WIB, case 7 in September). Closed: 1 and 7 (5 closes in November).
        Assert.Equal((5, 2, 4, 1), (s.Dibuka, s.Ditutup, s.TerbukaKini, s.Terlambat));
        Assert.Equal(31, s.PerPeriode.Count);
        var days = s.PerPeriode.Where(p => p.Dibuka + p.Ditutup > 0).Select(p => (p.Mulai.Day, p.Dibuka, p.Ditutup)).ToList();
        Assert.Equal([(1, 2, 0), (5, 0, 1), (8, 1, 0), (10, 0, 1), (15, 1, 0), (31, 1, 0)], days);

        Assert.Equal([("sop-a", 3, 2, 3, 1), ("sop-b", 2, 0, 1, 0)], s.PerDimensi[Dimensi.Sop].Select(g => (g.Kunci!, g.Dibuka, g.Ditutup, g.TerbukaKini, g.Terlambat)).ToList());
        Assert.Equal("SOP SOP-A", s.PerDimensi[Dimensi.Sop][0].Label);
        Assert.Equal([("Akademik", 3, 2, 2, 1), ("Pribadi", 1, 0, 2, 0), (null, 1, 0, 0, 0)],
            s.PerDimensi[Dimensi.Bidang].Select(g => (g.Kunci, g.Dibuka, g.Ditutup, g.TerbukaKini, g.Terlambat)).ToList());
        Assert.Equal([(null, 3), ("Psikologi", 1), ("Teknik Informatika", 1)],
            s.PerDimensi[Dimensi.Prodi].Select(g => (g.Kunci, g.Dibuka)).OrderBy(g => g.Kunci).ToList());
        Assert.Equal(6, s.PerDimensi[Dimensi.Saluran].Single().TerbukaKini + s.PerDimensi[Dimensi.Saluran].Single().Ditutup);

        // First contact after 2 h, 4 h, 24 h and 6 h; case 4 not yet. Median 5 h, P90 (interpolated) 18 h 36 min, mean 9 h.
        Assert.Equal((4, 1), (s.Tunggu.Dihubungi, s.Tunggu.BelumDihubungi));
        Assert.Equal((TimeSpan.FromHours(5), TimeSpan.FromHours(18.6), TimeSpan.FromHours(9)), (s.Tunggu.Median, s.Tunggu.P90, s.Tunggu.RataRata));

        Assert.Equal([("k1", 2, 2, 2, 1), ("k2", 1, 2, 0, 0), (null, 1, 1, 0, 0)],
            s.Konselor.Select(k => (k.KonselorId, k.TerbukaKini, k.Dibuka, k.Ditutup, k.Terlambat)).ToList());
    }

    [Fact]
    public async Task The_cases_behind_a_figure_are_those_counted()
    {
        var site = await ReportCampus.GetAsync(platform);
        var list = await site.InA.InCampusAsync(async sp =>
        {
            var stats = sp.GetRequiredService<ICaseStatistics>();
            return new[]
            {
                await stats.CasesAsync(new FilterKasus(Oktober, November, Ukuran.Dibuka, Dimensi.Bidang, "Akademik")),
                await stats.CasesAsync(new FilterKasus(Oktober, November, Ukuran.Dibuka, Dimensi.Bidang, "")),
                await stats.CasesAsync(new FilterKasus(Oktober, November, Ukuran.TerbukaKini, KonselorId: "")),
                await stats.CasesAsync(new FilterKasus(Oktober, November, Ukuran.BelumDihubungi)),
                await stats.CasesAsync(new FilterKasus(Oktober, November, Ukuran.Ditutup, Dimensi.Sop, "sop-a")),
            };
        });
        Assert.Equal(["KS-UJI-004", "KS-UJI-002", "KS-UJI-001"], list[0].Baris.Select(c => c.Nomor));
        Assert.Equal(["KS-UJI-005"], list[1].Baris.Select(c => c.Nomor));
        Assert.Equal(["KS-UJI-004"], list[2].Baris.Select(c => c.Nomor));
        Assert.Equal(["KS-UJI-004"], list[3].Baris.Select(c => c.Nomor));
        Assert.Equal(["KS-UJI-001", "KS-UJI-007"], list[4].Baris.Select(c => c.Nomor));
        Assert.Equal(3, list[0].Total);
    }
}

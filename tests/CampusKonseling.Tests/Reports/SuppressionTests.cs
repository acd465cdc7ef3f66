using CampusKonseling.Reports.Periods;
using CampusKonseling.Reports.Tables;

namespace CampusKonseling.Tests.Reports;

/// <summary>Small-count suppression and the period picker, without a campus.</summary>
public sealed class SuppressionTests
{
    private static Tabel Table(params int[] counts) => new("uji", "Uji", [new("Nama", JenisKolom.Teks), new("Dibuka", Jumlah: true)],
        counts.Select((n, i) => new Baris([Sel.Tulisan($"R{i}"), Sel.Angka(n, "/x")])).ToList(),
        new Baris([Sel.Tulisan("Jumlah"), Sel.Angka(counts.Sum(), "/x")]));

    private static string[] Shown(Tabel t) => t.Baris.Select(b => b.Sel[1].Teks).Append(t.Total!.Sel[1].Teks).ToArray();

    [Fact]
    public void Counts_of_one_to_four_show_as_under_five_and_zero_and_five_stay()
    {
        Assert.Equal(["0", "<5", "<5", "5", "12", "22"], Shown(Penyamaran.Terapkan(Table(0, 1, 4, 5, 12))));
        Assert.Equal(["<5", "0", "<5"], Shown(Penyamaran.Terapkan(Table(3, 0))));
    }

    [Fact]
    public void A_single_hidden_cell_beside_a_shown_total_hides_the_next_smallest_too()
    {
        // 3 + 9 + 20 = 32: with only the 3 hidden, 32 − 9 − 20 would give it back.
        var t = Penyamaran.Terapkan(Table(3, 20, 9));
        Assert.Equal(["<5", "20", "*", "32"], Shown(t));
        Assert.All(t.Baris.Concat([t.Total!]).SelectMany(b => b.Sel), c => Assert.Null(c.Tautan));
        Assert.All(t.Baris.Where(b => b.Sel[1].Disamarkan), b => Assert.Null(b.Sel[1].Nilai));
    }

    [Fact]
    public void A_figure_made_from_a_small_count_is_hidden()
    {
        var t = Penyamaran.Terapkan(new Tabel("uji", "Uji", [new("Nama", JenisKolom.Teks), new("Median", JenisKolom.Durasi), new("%", JenisKolom.Persen)],
            [new Baris([Sel.Tulisan("A"), Format.Durasi(TimeSpan.FromHours(5), 3), Format.Persen(90, 18, 2)]),
             new Baris([Sel.Tulisan("B"), Format.Durasi(TimeSpan.FromHours(5), 30), Format.Persen(90, 27, 3)]),
             new Baris([Sel.Tulisan("C"), Format.Durasi(TimeSpan.FromHours(5), 30), Format.Persen(90, 45, 5)])]));
        Assert.Equal(["*", "*", "5 jam", "*", "5 jam", "90,0 %"], t.Baris.SelectMany(b => b.Sel.Skip(1)).Select(c => c.Teks));
    }

    [Theory]
    [InlineData("2026-ganjil", "2026-08-01", "2027-02-01", "Semester Ganjil 2026/2027")]
    [InlineData("2026-genap", "2027-02-01", "2027-08-01", "Semester Genap 2026/2027")]
    public void Indonesian_semesters_run_august_to_january_and_february_to_july(string kode, string awal, string akhir, string label)
    {
        var p = new PeriodeInput("semester", null, kode, null, null, null).Resolve(new DateOnly(2026, 11, 21), new Dictionary<string, string>())!;
        Assert.Equal((DateOnly.Parse(awal), DateOnly.Parse(akhir), label), (p.Awal, p.Akhir, p.Label));
        Assert.Equal("2026-ganjil", Periode.SemesterOf(new DateOnly(2027, 1, 31)).Kode);
        Assert.Equal("2026-genap", Periode.SemesterOf(new DateOnly(2027, 2, 1)).Kode);
    }

    [Fact]
    public void Custom_dates_the_wrong_way_round_get_a_message_beside_the_field()
    {
        var errors = new Dictionary<string, string>();
        Assert.Null(new PeriodeInput("kustom", null, null, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 1), null).Resolve(new DateOnly(2026, 11, 21), errors));
        Assert.Equal("Tanggal akhir tidak boleh sebelum tanggal awal.", errors["Sampai"]);
    }
}

/// <summary>The programs section as the Programs module's figures fill it (the module itself is built in parallel).</summary>
public sealed class ProgramSectionTests
{
    private sealed class Words : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly CampusKonseling.Programs.ProgramFigures[] Figures =
    [
        new(Guid.NewGuid(), "Workshop Minat Bakat", "workshop", "SOP.P2KLLK-04-B", new DateTimeOffset(2026, 10, 14, 1, 0, 0, TimeSpan.Zero), "selesai", 120, 96, 3, 88, 41, 4.27, 2, "admin/program/1"),
        new(Guid.NewGuid(), "Sosialisasi Beasiswa", "sosialisasi", null, null, "rencana", null, 4, 0, 0, 3, 3.5, 0, "admin/program/2"),
    ];

    [Fact]
    public void Programs_show_their_counts_and_link_to_their_page()
    {
        var t = CampusKonseling.Reports.Dashboard.DashboardBuilder.ProgramTable(Figures, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"), false, new Words());
        Assert.Equal(["Workshop Minat Bakat", "workshop", "14/10/2026", "selesai", "120", "96", "3", "88", "41", "4,27", "2"], t.Baris[0].Sel.Select(c => c.Teks));
        Assert.Equal("admin/program/1", t.Baris[0].Sel[0].Tautan);
    }

    [Fact]
    public void Outside_the_unit_small_program_counts_and_ratings_from_few_evaluations_are_hidden_and_nothing_links()
    {
        var t = Penyamaran.Terapkan(CampusKonseling.Reports.Dashboard.DashboardBuilder.ProgramTable(Figures, TimeZoneInfo.Utc, true, new Words()));
        Assert.Equal(["120", "96", "<5", "88", "41", "4,27", "<5"], t.Baris[0].Sel.Skip(4).Select(c => c.Teks));
        Assert.Equal(["–", "<5", "0", "0", "<5", "*", "0"], t.Baris[1].Sel.Skip(4).Select(c => c.Teks));
        Assert.All(t.Baris.SelectMany(b => b.Sel), c => Assert.Null(c.Tautan));
    }
}

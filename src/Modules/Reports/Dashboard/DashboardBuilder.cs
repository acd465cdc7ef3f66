using CampusKonseling.Cases;
using CampusKonseling.Modules;
using CampusKonseling.Programs;
using CampusKonseling.Reports.Periods;
using CampusKonseling.Reports.Tables;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Dashboard;

/// <summary>Where a figure drills to; null on reports for outside the unit.</summary>
public delegate string? Tautan(DateOnly dari, DateOnly sampai, Ukuran ukuran, Dimensi? dimensi = null, string? nilai = null, string? konselor = null);

/// <summary>
/// Builds the dashboard's tables from the Cases module's statistics and, when the campus runs programs, the
/// Programs module's figures. Counts and administrative labels only: nothing of the counseling tier is asked for.
/// </summary>
public sealed class DashboardBuilder(ShellFeatureServices features, IStringLocalizer<S> T)
{
    public const string TidakDiisi = "(tidak diisi)";

    public async Task<Laporan> BuildAsync(Periode p, TimeZoneInfo zone, bool luar, Tautan? tautan, CancellationToken ct)
    {
        var link = luar ? null : tautan;
        var tables = new List<Tabel>();
        if (features.Contract<ICaseStatistics>() is { } cases)
        {
            var s = await cases.ComputeAsync(new StatistikQuery(p.Dari(zone), p.Sampai(zone), p.Rentang), ct);
            tables.Add(Periods(p, s, link));
            tables.Add(Groups("sop", T["Kasus per SOP"], T["SOP"], Dimensi.Sop, s, p, link));
            tables.Add(Groups("bidang", T["Kasus per bidang masalah"], T["Bidang"], Dimensi.Bidang, s, p, link));
            tables.Add(Groups("saluran", T["Kasus per saluran"], T["Saluran"], Dimensi.Saluran, s, p, link));
            tables.Add(Groups("jenis-klien", T["Kasus per jenis klien"], T["Jenis klien"], Dimensi.JenisKlien, s, p, link));
            tables.Add(Groups("prodi", T["Kasus per program studi"], T["Program studi"], Dimensi.Prodi, s, p, link));
            tables.Add(Waiting(s.Tunggu, s.Dibuka, p, link));
            tables.Add(Counselors(s, p, link));
        }
        if (features.Contract<IProgramReport>() is { } programs)
            tables.Add(ProgramTable(await programs.ProgramsAsync(p.Dari(zone), p.Sampai(zone), ct), zone, luar, T));
        // Hidden counts must not show through their rows' order either: groups are re-ordered by what is shown.
        if (luar) tables = tables.Select(Penyamaran.Terapkan).Select(t => t.Kode is "periode" or "tunggu" or "program" ? t : t.Urut(1, turun: true)).ToList();
        return new Laporan(p, luar, Headline(tables), tables);
    }

    private List<Angka> Headline(List<Tabel> tables)
    {
        var list = new List<Angka>();
        if (tables.FirstOrDefault(t => t.Kode == "sop")?.Total is { } sop)
        {
            list.Add(new(T["Kasus dibuka"], sop.Sel[1]));
            list.Add(new(T["Kasus ditutup"], sop.Sel[2]));
            list.Add(new(T["Terbuka saat ini"], sop.Sel[3]));
            list.Add(new(T["Terlambat saat ini"], sop.Sel[4]));
        }
        if (tables.FirstOrDefault(t => t.Kode == "tunggu") is { } wait) list.Add(new(T["Median waktu tunggu kontak pertama"], wait.Baris[0].Sel[2]));
        return list;
    }

    private Tabel Periods(Periode p, StatistikKasus s, Tautan? link)
    {
        var rows = s.PerPeriode.Select(b =>
        {
            var (from, to) = Clamp(p, b.Mulai, Next(b.Mulai, p.Rentang).AddDays(-1));
            return new Baris([Sel.Tulisan(BucketLabel(b.Mulai, p.Rentang)), Sel.Angka(b.Dibuka, link?.Invoke(from, to, Ukuran.Dibuka)), Sel.Angka(b.Ditutup, link?.Invoke(from, to, Ukuran.Ditutup))]);
        }).ToList();
        return new Tabel("periode", T["Kasus dibuka dan ditutup per periode"],
            [new(T["Periode"], JenisKolom.Teks), new(T["Dibuka"], Jumlah: true), new(T["Ditutup"], Jumlah: true)], rows,
            new Baris([Sel.Tulisan(T["Jumlah"]), Sel.Angka(s.Dibuka, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Dibuka)), Sel.Angka(s.Ditutup, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Ditutup))]));
    }

    private Tabel Groups(string kode, string judul, string kolom, Dimensi d, StatistikKasus s, Periode p, Tautan? link)
    {
        Sel Cell(int n, Ukuran u, string? nilai) => Sel.Angka(n, link?.Invoke(p.Awal, p.Terakhir, u, nilai is null ? null : d, nilai));
        var rows = s.PerDimensi[d].Select(g =>
        {
            var v = g.Kunci ?? "";
            return new Baris([Sel.Tulisan(g.Kunci is null ? T[TidakDiisi] : g.Label), Cell(g.Dibuka, Ukuran.Dibuka, v), Cell(g.Ditutup, Ukuran.Ditutup, v),
                Cell(g.TerbukaKini, Ukuran.TerbukaKini, v), Cell(g.Terlambat, Ukuran.Terlambat, v)]);
        }).ToList();
        return new Tabel(kode, judul, CountColumns(kolom), rows,
            new Baris([Sel.Tulisan(T["Jumlah"]), Cell(s.Dibuka, Ukuran.Dibuka, null), Cell(s.Ditutup, Ukuran.Ditutup, null),
                Cell(s.TerbukaKini, Ukuran.TerbukaKini, null), Cell(s.Terlambat, Ukuran.Terlambat, null)]));
    }

    private List<Kolom> CountColumns(string first) =>
        [new(first, JenisKolom.Teks), new(T["Dibuka"], Jumlah: true), new(T["Ditutup"], Jumlah: true), new(T["Terbuka saat ini"], Jumlah: true), new(T["Terlambat saat ini"], Jumlah: true)];

    private Tabel Waiting(WaktuTunggu w, int dibuka, Periode p, Tautan? link)
    {
        var rows = new List<Baris>
        {
            new([Sel.Tulisan(T["Sudah dihubungi"]), Sel.Angka(w.Dihubungi, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Dihubungi)),
                Format.Durasi(w.Median, w.Dihubungi), Format.Durasi(w.P90, w.Dihubungi), Format.Durasi(w.RataRata, w.Dihubungi)]),
            new([Sel.Tulisan(T["Belum dihubungi"]), Sel.Angka(w.BelumDihubungi, link?.Invoke(p.Awal, p.Terakhir, Ukuran.BelumDihubungi)), Sel.Kosong, Sel.Kosong, Sel.Kosong]),
        };
        return new Tabel("tunggu", T["Waktu tunggu sampai kontak pertama"],
            [new(T["Keterangan"], JenisKolom.Teks), new(T["Jumlah kasus"], Jumlah: true), new(T["Median"], JenisKolom.Durasi), new(T["Persentil 90"], JenisKolom.Durasi), new(T["Rata-rata"], JenisKolom.Durasi)],
            rows, new Baris([Sel.Tulisan(T["Kasus dibuka"]), Sel.Angka(dibuka, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Dibuka)), Sel.Kosong, Sel.Kosong, Sel.Kosong]),
            T["Kontak pertama: kesepakatan jadwal pertama atau catatan buku log/sesi pertama yang ditulis staf, mana yang lebih dulu; dihitung dari saat kasus dibuka."]);
    }

    private Tabel Counselors(StatistikKasus s, Periode p, Tautan? link)
    {
        Sel Cell(int n, Ukuran u, string k) => Sel.Angka(n, link?.Invoke(p.Awal, p.Terakhir, u, konselor: k));
        var rows = s.Konselor.Select(k => new Baris([Sel.Tulisan(k.KonselorId is null ? T["(belum ditugaskan)"] : k.Nama),
            Cell(k.TerbukaKini, Ukuran.TerbukaKini, k.KonselorId ?? ""), Cell(k.Dibuka, Ukuran.Dibuka, k.KonselorId ?? ""),
            Cell(k.Ditutup, Ukuran.Ditutup, k.KonselorId ?? ""), Cell(k.Terlambat, Ukuran.Terlambat, k.KonselorId ?? "")])).ToList();
        return new Tabel("konselor", T["Beban kasus konselor"],
            [new(T["Konselor"], JenisKolom.Teks), new(T["Terbuka saat ini"], Jumlah: true), new(T["Dibuka"], Jumlah: true), new(T["Ditutup"], Jumlah: true), new(T["Terlambat saat ini"], Jumlah: true)],
            rows, new Baris([Sel.Tulisan(T["Jumlah"]), Sel.Angka(s.TerbukaKini, link?.Invoke(p.Awal, p.Terakhir, Ukuran.TerbukaKini)),
                Sel.Angka(s.Dibuka, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Dibuka)), Sel.Angka(s.Ditutup, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Ditutup)),
                Sel.Angka(s.Terlambat, link?.Invoke(p.Awal, p.Terakhir, Ukuran.Terlambat))]));
    }

    /// <summary>The programs of the period: counts only (no participant is named); the staff page drills down.</summary>
    public static Tabel ProgramTable(IReadOnlyList<ProgramFigures> programs, TimeZoneInfo zone, bool luar, IStringLocalizer T)
    {
        var rows = programs.Select(g => new Baris([
            new Sel(g.Judul, Tautan: luar ? null : g.Tautan), Sel.Tulisan(g.Jenis),
            g.Mulai is { } m ? new Sel(TimeZoneInfo.ConvertTime(m, zone).ToString("dd/MM/yyyy"), TimeZoneInfo.ConvertTime(m, zone).DateTime.ToOADate()) : Sel.Kosong,
            Sel.Tulisan(g.Status), g.Kapasitas is { } k ? new Sel(k.ToString(Format.Id), k) : Sel.Kosong,
            Sel.Angka(g.Terdaftar), Sel.Angka(g.DaftarTunggu), Sel.Angka(g.Hadir), Sel.Angka(g.Evaluasi),
            g.NilaiRataRata is { } r ? new Sel(r.ToString("0.00", Format.Id), Math.Round(r, 2), Dasar: [g.Evaluasi]) : Sel.Kosong,
            Sel.Angka(g.DirujukKonseling)])).ToList();
        return new Tabel("program", T["Program dan kehadiran"],
            [new(T["Program"], JenisKolom.Teks), new(T["Jenis"], JenisKolom.Teks), new(T["Mulai"], JenisKolom.Tanggal), new(T["Status"], JenisKolom.Teks),
             new(T["Kapasitas"]), new(T["Terdaftar"]), new(T["Daftar tunggu"]), new(T["Hadir"]), new(T["Evaluasi"]), new(T["Nilai rata-rata"]), new(T["Dirujuk ke konseling"])], rows);
    }

    private static (DateOnly, DateOnly) Clamp(Periode p, DateOnly from, DateOnly to) => (from < p.Awal ? p.Awal : from, to > p.Terakhir ? p.Terakhir : to);

    private static DateOnly Next(DateOnly d, Rentang r) => r switch { Rentang.Hari => d.AddDays(1), Rentang.Minggu => d.AddDays(7), _ => d.AddMonths(1) };

    private string BucketLabel(DateOnly d, Rentang r) => r switch
    {
        Rentang.Hari => d.ToString("dd/MM/yyyy"),
        Rentang.Minggu => T["Minggu {0}", d.ToString("dd/MM/yyyy")],
        _ => $"{Periode.MonthName(d.Month)} {d.Year}",
    };
}

namespace CampusKonseling.Reports.Tables;

public enum JenisKolom { Teks, Angka, Durasi, Persen, Tanggal }

/// <summary>A column; <see cref="Jumlah"/>: its cells add up to the total row (small-count suppression then protects the sum).</summary>
public sealed record Kolom(string Judul, JenisKolom Jenis = JenisKolom.Angka, bool Jumlah = false);

/// <summary>
/// One cell as every output shows it: <see cref="Teks"/> on the page, in CSV and PDF; <see cref="Nilai"/> as the
/// XLSX number. A count carries itself in <see cref="Hitungan"/>; a figure derived from counts (a share, a median)
/// carries the counts it was made from in <see cref="Dasar"/>, so suppression can hide it with them.
/// </summary>
public sealed record Sel(string Teks, double? Nilai = null, string? Tautan = null, int? Hitungan = null, IReadOnlyList<int>? Dasar = null, bool Disamarkan = false)
{
    public static Sel Angka(int n, string? tautan = null) => new(n.ToString(Format.Id), n, n > 0 ? tautan : null, n);
    public static Sel Tulisan(string teks) => new(teks);
    public static readonly Sel Kosong = new("–");
}

public sealed record Baris(IReadOnlyList<Sel> Sel);

/// <summary>A report table: what the page, the CSV/XLSX exports and the PDF all draw, so they hold the same numbers.</summary>
public sealed record Tabel(string Kode, string Judul, IReadOnlyList<Kolom> Kolom, IReadOnlyList<Baris> Baris, Baris? Total = null, string? Keterangan = null)
{
    /// <summary>The rows ordered by one column (numbers by value, text by text); hidden values sort as unknown, then by the first column.</summary>
    public Tabel Urut(int kolom, bool turun)
    {
        if (kolom < 0 || kolom >= Kolom.Count) return this;
        var numeric = Kolom[kolom].Jenis != JenisKolom.Teks;
        IOrderedEnumerable<Baris> sorted = numeric
            ? (turun ? Baris.OrderByDescending(b => Key(b.Sel[kolom])) : Baris.OrderBy(b => Key(b.Sel[kolom])))
            : (turun ? Baris.OrderByDescending(b => b.Sel[kolom].Teks, StringComparer.CurrentCulture) : Baris.OrderBy(b => b.Sel[kolom].Teks, StringComparer.CurrentCulture));
        return this with { Baris = sorted.ThenBy(b => b.Sel[0].Teks, StringComparer.CurrentCulture).ToList() };
    }

    private static double Key(Sel s) => s.Disamarkan || s.Nilai is null ? double.NegativeInfinity : s.Nilai.Value;
}

public static class Format
{
    public static readonly System.Globalization.CultureInfo Id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    /// <summary>"2 hari 3 jam", "5 jam 10 menit", "12 menit".</summary>
    public static string Durasi(TimeSpan t)
    {
        if (t.TotalDays >= 1) return t.Hours > 0 ? $"{(int)t.TotalDays} hari {t.Hours} jam" : $"{(int)t.TotalDays} hari";
        if (t.TotalHours >= 1) return t.Minutes > 0 ? $"{(int)t.TotalHours} jam {t.Minutes} menit" : $"{(int)t.TotalHours} jam";
        return $"{Math.Max(0, (int)Math.Round(t.TotalMinutes))} menit";
    }

    public static Sel Durasi(TimeSpan? t, params int[] dasar) =>
        t is { } v ? new Sel(Durasi(v), Math.Round(v.TotalHours, 2), Dasar: dasar) : Sel.Kosong with { Dasar = dasar };

    public static Sel Persen(double? p, params int[] dasar) =>
        p is { } v ? new Sel(v.ToString("0.0", Id) + " %", v, Dasar: dasar) : Sel.Kosong with { Dasar = dasar };
}

using CampusKonseling.Cases;

namespace CampusKonseling.Reports.Periods;

/// <summary>
/// The period a report covers, in campus days [<see cref="Awal"/>, <see cref="Akhir"/>): a month ("2026-11"), an
/// Indonesian semester ("2026-ganjil" = Ganjil 2026/2027, August–January; "2026-genap" = Genap 2026/2027,
/// February–July), or custom dates (inclusive).
/// </summary>
public sealed record Periode(string Jenis, string Kode, DateOnly Awal, DateOnly Akhir, Rentang Rentang)
{
    public const string Bulan = "bulan", Semester = "semester", Kustom = "kustom";

    public static Periode OfMonth(int year, int month, Rentang? per = null)
    {
        var awal = new DateOnly(year, month, 1);
        return new(Bulan, awal.ToString("yyyy-MM"), awal, awal.AddMonths(1), per ?? Rentang.Hari);
    }

    /// <summary>The academic year starting in <paramref name="tahun"/>: Ganjil from August, Genap from February of the next year.</summary>
    public static Periode OfSemester(int tahun, bool ganjil, Rentang? per = null)
    {
        var awal = ganjil ? new DateOnly(tahun, 8, 1) : new DateOnly(tahun + 1, 2, 1);
        return new(Semester, $"{tahun}-{(ganjil ? "ganjil" : "genap")}", awal, awal.AddMonths(6), per ?? Rentang.Bulan);
    }

    /// <summary>The semester a day falls in.</summary>
    public static Periode SemesterOf(DateOnly d) =>
        d.Month >= 8 ? OfSemester(d.Year, true) : d.Month == 1 ? OfSemester(d.Year - 1, true) : OfSemester(d.Year - 1, false);

    public static Periode OfDates(DateOnly dari, DateOnly sampai, Rentang? per = null)
    {
        var days = sampai.DayNumber - dari.DayNumber + 1;
        var rentang = per ?? (days <= 31 ? Rentang.Hari : days <= 120 ? Rentang.Minggu : Rentang.Bulan);
        // At most about a year of bars: longer ranges get coarser buckets whatever was asked.
        if (rentang == Rentang.Hari && days > 366) rentang = Rentang.Minggu;
        if (rentang == Rentang.Minggu && days > 7 * 120) rentang = Rentang.Bulan;
        return new(Kustom, $"{dari:yyyy-MM-dd}_{sampai:yyyy-MM-dd}", dari, sampai.AddDays(1), rentang);
    }

    public DateOnly Terakhir => Akhir.AddDays(-1);

    public DateTimeOffset Dari(TimeZoneInfo zone) => Instant(Awal, zone);
    public DateTimeOffset Sampai(TimeZoneInfo zone) => Instant(Akhir, zone);

    public static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);

    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string MonthName(int month) => Months[month - 1];

    /// <summary>The period in Indonesian words, as report titles use it.</summary>
    public string Label => Jenis switch
    {
        Bulan => $"{Months[Awal.Month - 1]} {Awal.Year}",
        Semester => Awal.Month == 8 ? $"Semester Ganjil {Awal.Year}/{Awal.Year + 1}" : $"Semester Genap {Awal.Year - 1}/{Awal.Year}",
        _ => $"{Tanggal(Awal)} – {Tanggal(Terakhir)}",
    };

    public static string Tanggal(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";
}

using System.Globalization;
using System.Text.RegularExpressions;
using CampusKonseling.Cases;

namespace CampusKonseling.Reports.Periods;

/// <summary>The period picker's query string (jenis, bulan, semester, dari, sampai, per), read into a <see cref="Periode"/> or field errors.</summary>
public sealed record PeriodeInput(string? Jenis, string? Bulan, string? Semester, DateOnly? Dari, DateOnly? Sampai, string? Per)
{
    public static Rentang? ParsePer(string? per) => per switch { "hari" => Rentang.Hari, "minggu" => Rentang.Minggu, "bulan" => Rentang.Bulan, _ => null };

    public static string PerOf(Rentang r) => r switch { Rentang.Hari => "hari", Rentang.Minggu => "minggu", _ => "bulan" };

    /// <returns>The period, or null with errors keyed by field name (Indonesian messages as localizer keys).</returns>
    public Periode? Resolve(DateOnly today, IDictionary<string, string> errors)
    {
        var per = ParsePer(Per);
        switch (Jenis ?? Periode.Bulan)
        {
            case Periode.Semester:
                if (string.IsNullOrEmpty(Semester)) return Periode.SemesterOf(today) with { Rentang = per ?? Rentang.Bulan };
                var s = Regex.Match(Semester, @"^(\d{4})-(ganjil|genap)$");
                if (!s.Success) { errors["Semester"] = "Pilih semester yang benar."; return null; }
                return Periode.OfSemester(int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture), s.Groups[2].Value == "ganjil", per);
            case Periode.Kustom:
                if (Dari is null) errors["Dari"] = "Isi tanggal awal.";
                if (Sampai is null) errors["Sampai"] = "Isi tanggal akhir.";
                if (Dari is { } d && Sampai is { } e)
                {
                    if (e < d) errors["Sampai"] = "Tanggal akhir tidak boleh sebelum tanggal awal.";
                    else if (e.DayNumber - d.DayNumber > 3 * 366) errors["Sampai"] = "Rentang paling panjang tiga tahun.";
                }
                return errors.Count > 0 ? null : Periode.OfDates(Dari!.Value, Sampai!.Value, per);
            default:
                if (string.IsNullOrEmpty(Bulan)) return Periode.OfMonth(today.Year, today.Month, per);
                if (!DateOnly.TryParseExact(Bulan + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                {
                    errors["Bulan"] = "Pilih bulan yang benar.";
                    return null;
                }
                return Periode.OfMonth(m.Year, m.Month, per);
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Mine;

/// <summary>
/// Times as a student reads them on their own page: in the campus's time zone with its abbreviation, the day and month
/// in words ("Kamis, 3 Desember 2026 pukul 14.00 WIB"), and how far off ("besok", "2 hari lagi").
/// </summary>
public sealed class WaktuKlien(TimeZoneInfo zone, DateTimeOffset now, IStringLocalizer T)
{
    public TimeZoneInfo Zone => zone;
    public DateTimeOffset Now => now;
    public string Zona => Singkatan(zone);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>"Kamis, 3 Desember 2026 pukul 14.00 WIB" (English: "Thursday, 3 December 2026 at 14:00 WIB").</summary>
    public string Lengkap(DateTimeOffset at)
    {
        var local = Local(at);
        return T["{0} pukul {1} {2}", Tanggal(at), local.ToString(English ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture), Zona];
    }

    /// <summary>"Kamis, 3 Desember 2026".</summary>
    public string Tanggal(DateTimeOffset at) => Local(at).ToString("dddd, d MMMM yyyy", Culture);

    /// <summary>"3 Des 2026 14.00 WIB": for lists of things already done.</summary>
    public string Singkat(DateTimeOffset at)
    {
        var local = Local(at);
        return $"{local.ToString("d MMM yyyy", Culture)} {local.ToString(English ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture)} {Zona}";
    }

    /// <summary>"hari ini", "besok", "3 hari lagi", "kemarin", "2 hari lalu": by the campus's calendar days.</summary>
    public string Relatif(DateTimeOffset at)
    {
        var days = (DateOnly.FromDateTime(Local(at).Date).DayNumber - DateOnly.FromDateTime(Local(now).Date).DayNumber);
        return days switch
        {
            0 => T["hari ini"],
            1 => T["besok"],
            -1 => T["kemarin"],
            > 1 => T["{0} hari lagi", days],
            _ => T["{0} hari lalu", -days],
        };
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    private static CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("id-ID");

    /// <summary>WIB, WITA, WIT (else the UTC offset), as everywhere else on the platform.</summary>
    public static string Singkatan(TimeZoneInfo zone) => CampusKonseling.Site.CampusZones.Abbreviation(zone, DateTimeOffset.UtcNow);
}

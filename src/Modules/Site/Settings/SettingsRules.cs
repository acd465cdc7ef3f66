using System.Globalization;
using System.Text.RegularExpressions;

namespace CampusKonseling.Site.Settings;

/// <summary>What a valid campus setting looks like; shared by the recipe step and the admin form.</summary>
public static partial class SettingsRules
{
    public static readonly IReadOnlyDictionary<string, DayOfWeek> DayNames = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday,
        ["kamis"] = DayOfWeek.Thursday, ["jumat"] = DayOfWeek.Friday, ["sabtu"] = DayOfWeek.Saturday, ["minggu"] = DayOfWeek.Sunday,
    };

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    public static partial Regex Color();

    public static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>A website origin as browsers compare it: http(s)://host[:port], no path; a trailing slash is dropped.</summary>
    public static string? Origin(string text)
    {
        var t = text.Trim().TrimEnd('/');
        return Uri.TryCreate(t, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && u.AbsolutePath == "/" && u.Query.Length == 0
            && u.UserInfo.Length == 0 && !t.Contains('*') ? u.GetLeftPart(UriPartial.Authority) : null;
    }

    public static bool IsLogoUrl(string? url) =>
        string.IsNullOrEmpty(url) || url.StartsWith('/') || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http");

    public const int MaxHolidayName = 100;
    // Enough for many years of holidays, and too few to leave a working calendar without a working day for a year.
    public const int MaxHolidays = 200;

    /// <summary>A date as recipes and the admin form write it: yyyy-MM-dd, the campus's local date.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>One line of the admin's holiday list, "2026-12-25 Hari Natal" (the name may be left out).</summary>
    public static (HariLibur? Day, bool BadDate, bool LongName) HolidayLine(string line)
    {
        var parts = line.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || Date(parts[0]) is not { } date) return (null, true, false);
        var name = parts.Length > 1 ? parts[1] : null;
        return name?.Length > MaxHolidayName ? (null, false, true) : (new HariLibur(date, name), false, false);
    }
}

using System.Globalization;

namespace CampusKonseling.Site;

/// <summary>Names of time zones as Indonesians write them after a time.</summary>
public static class CampusZones
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Jakarta"] = "WIB", ["Asia/Pontianak"] = "WIB",
        ["Asia/Makassar"] = "WITA", ["Asia/Ujung_Pandang"] = "WITA",
        ["Asia/Jayapura"] = "WIT",
    };

    public static string Abbreviation(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (Names.TryGetValue(zone.Id, out var name)) return name;
        var offset = zone.GetUtcOffset(at);
        if (offset == TimeSpan.Zero) return "UTC";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }
}

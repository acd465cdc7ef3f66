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
}

using System.Collections.Concurrent;
using System.Globalization;
using CampusKonseling.Modules;
using CampusKonseling.Site;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications;

/// <summary>
/// Writes a <see cref="KeyedText"/> out for one reader: the key through its module's resources in the reader's language,
/// instants in the campus's zone with its name (WIB, WITA, WIT). A key whose module is gone reads as written (Indonesian).
/// </summary>
public sealed class KeyedTextRenderer(IStringLocalizerFactory factory)
{
    private static readonly ConcurrentDictionary<string, Type?> Markers = new(StringComparer.Ordinal);

    public string Render(KeyedText text, CampusTime time, CultureInfo culture)
    {
        using var _ = CultureScope.Use(culture);
        return Render(text, time, depth: 0);
    }

    private string Render(KeyedText text, CampusTime time, int depth)
    {
        var values = text.Nilai.Select(v => v switch
        {
            { Pesan: { } inner } when depth < 8 => Render(inner, time, depth + 1),
            { Waktu: { } at } => time.Format(at),
            _ => v.Teks ?? "",
        }).ToArray<object>();
        if (text.Sumber is { } sumber && Marker(sumber) is { } marker)
        {
            var localizer = factory.Create(marker);
            try
            {
                return values.Length == 0 ? localizer[text.Kunci].Value : localizer[text.Kunci, values].Value;
            }
            catch (FormatException)
            {
                return text.Kunci;
            }
        }
        return values.Length == 0 ? text.Kunci : Format(text.Kunci, values);
    }

    private static string Format(string key, object[] values)
    {
        try { return string.Format(CultureInfo.CurrentCulture, key, values); }
        catch (FormatException) { return key; }
    }

    /// <summary>Only a module's own resource marker (a class S of a CampusKonseling assembly) is looked up by its stored name.</summary>
    private static Type? Marker(string name) => Markers.GetOrAdd(name, n =>
        n.Split(',', 2) is [var type, var assembly] && type.EndsWith(".S", StringComparison.Ordinal) && assembly.Trim().StartsWith("CampusKonseling", StringComparison.Ordinal)
            ? Type.GetType(n, throwOnError: false)
            : null);
}

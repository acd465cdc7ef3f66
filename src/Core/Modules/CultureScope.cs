using System.Globalization;

namespace CampusKonseling.Modules;

/// <summary>
/// Writes for another reader than the one making the request (a mail to a client while staff click, a notice read
/// later): the culture is switched for the scope and restored when it is disposed.
/// </summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture, _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Use(CultureInfo culture) => new(culture);

    /// <summary>The platform's two languages: English for "en…", else Bahasa Indonesia (also for an unknown or missing choice).</summary>
    public static CultureInfo Of(string? language) =>
        language is { Length: >= 2 } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("id-ID");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

using System.Globalization;

namespace CampusKonseling.Modules;

/// <summary>A short name written in Bahasa Indonesia and English, as manifests carry them.</summary>
public sealed record LocalizedText(string Id, string En)
{
    public string ForCurrentCulture() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Id;

    public override string ToString() => ForCurrentCulture();
}

using System.Globalization;

namespace CampusKonseling.Site;

/// <summary>
/// The campus's colours made safe to read. A campus may pick any primary colour; the themes put white text on it and use it for links
/// on white, so they also get the text colour that reads on it and a shade of it dark enough for text on white (WCAG AA, 4.5:1).
/// </summary>
public static class CampusColors
{
    private const double AaText = 4.5;

    /// <summary>White when it reads on <paramref name="hex"/>, else black (one of the two always reaches 4.5:1; a softer dark grey would not on mid-tones).</summary>
    public static string On(string hex) => Contrast(Luminance(hex), 1.0) >= AaText ? "#ffffff" : "#000000";

    /// <summary><paramref name="hex"/> darkened just enough to be read as text on white.</summary>
    public static string Ink(string hex)
    {
        if (Parse(hex) is not { } rgb) return "#1d4e89";
        var (r, g, b) = rgb;
        for (var f = 1.0; f > 0; f -= 0.05)
        {
            var shade = ToHex(r * f, g * f, b * f);
            if (Contrast(1.0, Luminance(shade)) >= AaText) return shade;
        }
        return "#000000";
    }

    /// <summary>The contrast ratio of two colours (1 to 21).</summary>
    public static double Ratio(string a, string b) => Contrast(Luminance(a), Luminance(b));

    private static double Contrast(double l1, double l2) => (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);

    private static double Luminance(string hex)
    {
        if (Parse(hex) is not { } rgb) return 0;
        var (r, g, b) = rgb;
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }

    private static (double R, double G, double B)? Parse(string hex) =>
        hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            ? ((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff) : null;

    private static string ToHex(double r, double g, double b) => $"#{(int)Math.Round(r):x2}{(int)Math.Round(g):x2}{(int)Math.Round(b):x2}";
}

using System.Text.RegularExpressions;

namespace CampusKonseling.Sop.Waktu;

/// <summary>Reads the "Waktu" column as campuses write it.</summary>
public static partial class WaktuParser
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["satu"] = 1, ["se"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9, ["sepuluh"] = 10,
    };

    private static readonly Dictionary<string, SatuanWaktu> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["detik"] = SatuanWaktu.Detik, ["menit"] = SatuanWaktu.Menit, ["jam"] = SatuanWaktu.Jam,
        ["hari"] = SatuanWaktu.Hari, ["minggu"] = SatuanWaktu.Minggu, ["pekan"] = SatuanWaktu.Minggu, ["bulan"] = SatuanWaktu.Bulan,
    };

    [GeneratedRegex(@"^\s*(?<n>\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se)\s*(?<u>detik|menit|jam|hari|minggu|pekan|bulan)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^\s*(setelah|sesudah|sejak)\b\s*(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EventOnly();

    [GeneratedRegex(@"\b(setelah|sesudah|sejak)\b\s*(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex After();

    /// <summary>Parses a waktu text; empty text means "no time standard". Returns false with a reason when unreadable.</summary>
    public static bool TryParse(string? text, out Waktu? waktu, out string? error)
    {
        waktu = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim();
        var duration = Duration().Match(t);
        if (duration.Success)
        {
            var n = int.TryParse(duration.Groups["n"].Value, out var number) ? number : Words[duration.Groups["n"].Value];
            if (n <= 0)
            {
                error = $"waktu '{t}' harus lebih dari nol";
                return false;
            }
            var after = After().Match(duration.Groups["rest"].Value);
            waktu = new Waktu(t, n, Units[duration.Groups["u"].Value], after.Success ? after.Groups["what"].Value.Trim() : null);
            return true;
        }
        var eventOnly = EventOnly().Match(t);
        if (eventOnly.Success)
        {
            waktu = new Waktu(t, null, null, eventOnly.Groups["what"].Value.Trim());
            return true;
        }
        error = $"waktu '{t}' tidak dapat dibaca; tulis seperti \"15 Menit\", \"1 Hari\", \"1 jam setelah pengisian\" atau \"Setelah ...\"";
        return false;
    }
}

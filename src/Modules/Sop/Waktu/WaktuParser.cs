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

    // "Paling lambat 3 hari" says no more than "3 hari"; the limit is what a time standard is.
    [GeneratedRegex(@"^\s*(paling\s+lambat|selambat-lambatnya|maksimal|maks\.)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    [GeneratedRegex(@"^(?<n>\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*[x×]\s*24\s*jam\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimesDay();

    [GeneratedRegex(@"^(?<n>\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se)\s*(?<u>detik|menit|jam|hari|minggu|pekan|bulan)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?<arah>setelah|sesudah|sejak|sebelum)\b\s*(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EventOnly();

    [GeneratedRegex(@"\b(?<arah>setelah|sesudah|sejak|sebelum)\b\s*(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Direction();

    [GeneratedRegex(@"^(sesuai(\s+dengan)?|pada)\s+((hari|tanggal|saat|waktu)\s+(?=\S))?(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AtEvent();

    /// <summary>Parses a waktu text; empty text means "no time standard". Returns false with a reason when unreadable.</summary>
    public static bool TryParse(string? text, out Waktu? waktu, out string? error)
    {
        waktu = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim();
        var body = t[Limit().Match(t).Length..].Trim();
        if (TimesDay().Match(body) is { Success: true } days)
        {
            if (Amount(days, t, out error) is not { } n) return false;
            var (acuan, arah) = Event(days.Groups["rest"].Value);
            waktu = new Waktu(t, n * 24, SatuanWaktu.Jam, acuan, arah) { Kalender = true };
            return true;
        }
        if (Duration().Match(body) is { Success: true } duration)
        {
            if (Amount(duration, t, out error) is not { } n) return false;
            var (acuan, arah) = Event(duration.Groups["rest"].Value);
            waktu = new Waktu(t, n, Units[duration.Groups["u"].Value], acuan, arah);
            return true;
        }
        if (EventOnly().Match(body) is { Success: true } eventOnly)
        {
            waktu = new Waktu(t, null, null, eventOnly.Groups["what"].Value.Trim(), Arah(eventOnly));
            return true;
        }
        if (AtEvent().Match(body) is { Success: true } at)
        {
            waktu = new Waktu(t, null, null, at.Groups["what"].Value.Trim(), ArahWaktu.Pada);
            return true;
        }
        error = $"waktu '{t}' tidak dapat dibaca; tulis seperti \"15 Menit\", \"1 Hari\", \"1 x 24 jam\", \"1 jam setelah pengisian\", "
            + "\"1 hari sebelum pelaksanaan\", \"sesuai jadwal yang disepakati\" atau \"Setelah ...\"";
        return false;
    }

    // A bound well past any real standard, so that the lengths and due times computed from it cannot overflow.
    private const int MaxAmount = 9999;

    private static int? Amount(Match m, string text, out string? error)
    {
        var word = m.Groups["n"].Value;
        error = null;
        var n = Words.TryGetValue(word, out var w) ? w : int.TryParse(word, out var d) ? d : int.MaxValue;
        if (n is > 0 and <= MaxAmount) return n;
        error = n <= 0 ? $"waktu '{text}' harus lebih dari nol" : $"waktu '{text}' terlalu panjang (paling banyak {MaxAmount})";
        return null;
    }

    /// <summary>The event named after the duration ("… setelah pengisian", "… sebelum pelaksanaan"); words without one count from activation.</summary>
    private static (string? Acuan, ArahWaktu Arah) Event(string rest) =>
        Direction().Match(rest) is { Success: true } m ? (m.Groups["what"].Value.Trim(), Arah(m)) : (null, ArahWaktu.Setelah);

    private static ArahWaktu Arah(Match m) =>
        m.Groups["arah"].Value.Equals("sebelum", StringComparison.OrdinalIgnoreCase) ? ArahWaktu.Sebelum : ArahWaktu.Setelah;
}

namespace CampusKonseling.Sop.Engine;

/// <summary>Readings of a waktu the engine needs beyond its length. (Temporary until the parser carries them.)</summary>
internal static class WaktuArti
{
    public static bool Sebelum(Waktu.Waktu w) => w.Teks.Contains("sebelum", StringComparison.OrdinalIgnoreCase);
    public static bool Kalender(Waktu.Waktu w) => System.Text.RegularExpressions.Regex.IsMatch(w.Teks, @"\d\s*x\s*24\s*jam", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}

namespace CampusKonseling.Sop.Definitions;

/// <summary>
/// A routing condition on the instance's context, as a recipe writes it: <c>saluran = online</c>,
/// <c>darurat = ya</c>, <c>jenisKlien != alumni</c>, <c>bidang = akademik | personal</c>. Values compare without
/// regard to case or surrounding spaces; a missing key equals nothing.
/// </summary>
public sealed record Syarat(string Kunci, bool Sama, IReadOnlyList<string> Nilai)
{
    public static bool TryParse(string? text, out Syarat? syarat, out string? error)
    {
        syarat = null;
        error = null;
        var t = text?.Trim() ?? "";
        var not = t.IndexOf("!=", StringComparison.Ordinal);
        var eq = t.IndexOf('=');
        var at = not >= 0 ? not : eq;
        if (at <= 0 || at >= t.Length - (not >= 0 ? 2 : 1))
        {
            error = $"syarat '{t}' tidak dapat dibaca; tulis seperti \"saluran = online\" atau \"darurat != ya\"";
            return false;
        }
        var key = t[..at].Trim();
        var values = t[(at + (not >= 0 ? 2 : 1))..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (key.Length == 0 || key.Any(char.IsWhiteSpace) || values.Length == 0)
        {
            error = $"syarat '{t}' tidak dapat dibaca; tulis seperti \"saluran = online\" atau \"darurat != ya\"";
            return false;
        }
        syarat = new Syarat(key, not < 0, values);
        return true;
    }

    public bool Holds(IReadOnlyDictionary<string, string> konteks)
    {
        var value = konteks.TryGetValue(Kunci, out var v) ? v.Trim() : null;
        var match = value is not null && Nilai.Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        return Sama ? match : !match;
    }

    public override string ToString() => $"{Kunci} {(Sama ? "=" : "!=")} {string.Join(" | ", Nilai)}";
}

using System.Text.RegularExpressions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>Cleaning what PDFs and DOCX leave in cell text: HTML tags of pasted lists, emphasis stars, bullets, broken spacing.</summary>
public static partial class Teks
{
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"(?:^|\s)[-–•·]\s+")] private static partial Regex Bullet();
    [GeneratedRegex(@"^\s*(\d+)[.)]\s+")] private static partial Regex FirstNumber();
    [GeneratedRegex(@"[^a-z0-9]+")] private static partial Regex NonSlug();

    /// <summary>One line of text: tags and emphasis removed, spaces collapsed.</summary>
    public static string Clean(string? text) =>
        Spaces().Replace(Tag().Replace(text ?? "", " ").Replace("**", "").Replace("*", "").Replace('\u00a0', ' '), " ").Trim();

    /// <summary>
    /// A cell holding a list as its items: lines, "- " or "•" bullets, or a numbered list "1. … 2. …" (also run together,
    /// as PDFs paste it: "Psikologi2. S1"), each trimmed of a closing ';'.
    /// </summary>
    public static List<string> Items(string? text)
    {
        var items = new List<string>();
        foreach (var line in Tag().Replace(text ?? "", "\n").Split('\n'))
        {
            var l = Clean(line);
            if (l.Length == 0) continue;
            foreach (var numbered in Numbered(l))
                foreach (var part in Bullet().Split(" " + numbered))
                {
                    var item = Clean(part).TrimEnd(';').Trim();
                    if (item.Length > 0 && item.Any(char.IsLetterOrDigit)) items.Add(item);
                }
        }
        return items;
    }

    private static IEnumerable<string> Numbered(string text)
    {
        var first = FirstNumber().Match(text);
        if (!first.Success) { yield return text; yield break; }
        var n = int.Parse(first.Groups[1].Value);
        var start = first.Length;
        while (true)
        {
            var next = FindNumber(text, n + 1, start);
            if (next < 0) { yield return text[start..]; yield break; }
            yield return text[start..next];
            n++;
            start = next + $"{n}.".Length;
        }
    }

    private static int FindNumber(string text, int n, int from)
    {
        var token = $"{n}.";
        for (var i = text.IndexOf(token, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var end = i + token.Length;
            if ((i == 0 || !char.IsDigit(text[i - 1])) && (end >= text.Length || char.IsWhiteSpace(text[end]))) return i;
        }
        return -1;
    }

    /// <summary>A lane id from its name: "Konselor/ Psikolog" → "konselor-psikolog".</summary>
    public static string Slug(string name)
    {
        var s = NonSlug().Replace(Clean(name).ToLowerInvariant(), "-").Trim('-');
        return s.Length == 0 ? "lajur" : s;
    }

    /// <summary>For comparing header words: lower case, no spaces ("WAKT U" is "waktu").</summary>
    public static string Key(string text) => Spaces().Replace(Clean(text), "").TrimEnd(':', '.').ToLowerInvariant();

    public static string Capitalize(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}

using System.Text.RegularExpressions;

namespace CampusKonseling.Letters.Templates;

/// <summary>
/// The simple text of a template: paragraphs split by a blank line, <c>**bold**</c>, rows
/// <c>| Nama | {nama}</c> (label and value), and placeholders <c>{name}</c> filled from the case.
/// </summary>
public static partial class Markup
{
    [GeneratedRegex(@"\{([^{}]*)\}")]
    public static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();

    /// <summary>The placeholder names a text uses, in order of first use.</summary>
    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => Name().IsMatch(n)).Distinct();

    public static IEnumerable<Galat> Validate(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var unpaired = Placeholder().Replace(text, "");
        if (unpaired.Contains('{') || unpaired.Contains('}'))
            yield return new(field, "Kurung kurawal tidak berpasangan: tulis isian seperti {0}.", "{nama}");
        foreach (var bad in Placeholder().Matches(text).Select(m => m.Value).Where(v => !Name().IsMatch(v[1..^1])).Distinct())
            yield return new(field, "Nama isian tidak sah: {0}. Pakai huruf, angka, dan garis bawah tanpa spasi, seperti {1}.", bad, "{nama_lengkap}");
        foreach (var paragraph in Paragraphs(text))
            if (CountBold(paragraph) % 2 == 1)
            {
                yield return new(field, "Tanda tebal ** tidak berpasangan dalam satu paragraf.");
                break;
            }
    }

    public static IEnumerable<string> Paragraphs(string text) =>
        ParagraphBreak().Split(text.Replace("\r", "").Trim()).Where(p => p.Trim().Length > 0);

    private static int CountBold(string paragraph) => (paragraph.Length - paragraph.Replace("**", "").Length) / 2;

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex ParagraphBreak();
}

using System.Text.RegularExpressions;

namespace CampusKonseling.Site;

/// <summary>
/// The campus's initials, shown where its logo would be until the campus admin uploads one: the acronym it writes in
/// brackets ("Institut Pemerintahan Dalam Negeri (IPDN)"), else the first letters of its capitalised words.
/// </summary>
public static partial class CampusMonogram
{
    [GeneratedRegex(@"\(([A-Z][A-Za-z]{1,4})\)")]
    private static partial Regex Acronym();

    public static string Of(string campusName)
    {
        if (Acronym().Match(campusName) is { Success: true } m) return m.Groups[1].Value.ToUpperInvariant();
        var letters = campusName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).Take(3).ToArray();
        return letters.Length > 0 ? new string(letters) : campusName.Trim() is { Length: > 0 } n ? n[..1].ToUpperInvariant() : "?";
    }
}

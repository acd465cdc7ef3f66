using System.Text;
using System.Text.RegularExpressions;

namespace CampusKonseling.Data;

/// <summary>
/// What PostgreSQL can store as text: no NUL (0x00 ends a C string; text and jsonb refuse it) and no half of a
/// UTF-16 surrogate pair (it has no UTF-8 encoding). Other control characters are kept out of typed input too:
/// nobody types them, and in a name or a reason they only hide or reorder what staff read.
/// </summary>
public static partial class StorableText
{
    public static bool IsStorable(string? value)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || IsUnwantedControl(c)) return false;
        }
        return true;
    }

    /// <summary>Drops NUL and the other unwanted control characters; a lone surrogate becomes U+FFFD.</summary>
    public static string Clean(string value)
    {
        if (IsStorable(value)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { sb.Append(c).Append(value[++i]); continue; }
            if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (!IsUnwantedControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>C0 controls and DEL except tab, line feed and carriage return (multi-line answers keep their lines).</summary>
    public static bool IsUnwantedControl(char c) => c is < ' ' and not ('\t' or '\n' or '\r') or '\u007F';

    /// <summary>
    /// JSON text for a jsonb column: a \u0000 escape or an escaped lone surrogate is valid JSON that PostgreSQL
    /// still refuses, so it becomes \ufffd (an escaped backslash before "u0000" is left alone).
    /// </summary>
    public static string CleanJson(string json) =>
        json.Contains("\\u", StringComparison.Ordinal) ? UnstorableEscape().Replace(json, "\\ufffd") : json;

    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex UnstorableEscape();
}

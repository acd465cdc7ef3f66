using System.Globalization;
using System.Text;
using CsCheck;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Generators of the input an attacker or a broken client sends: lone surrogates, NUL and other control
/// characters, very long text, direction marks, emoji, SQL/HTML/script payloads, wrong JSON types,
/// huge numbers and JSON that is not JSON.
/// </summary>
public static class NastyInput
{
    /// <summary>Stored and shown to staff, these must come back as text, never as markup.</summary>
    public static readonly string[] Markup =
    [
        "<script>alert('fuzz')</script>", "\"><img src=x onerror=alert('fuzz')>", "<svg onload=alert('fuzz')>",
        "javascript:alert('fuzz')", "<a href=\"javascript:alert('fuzz')\">klik</a>", "'><iframe src=//evil.example>",
    ];

    private static readonly string[] Payloads =
    [
        .. Markup, "'; DROP TABLE forms.submissions; --", "' OR '1'='1", "1; SELECT pg_sleep(0)--", "{{7*7}}", "${7*7}", "%00", "%s%s%n",
        "../../etc/passwd", "\u202Egnp.exe", "\u200F\u200E\u2066x\u2069", "😀👩‍👩‍👧‍👦🇮🇩", "\0", "\ud800", "\udfff", "a\udbff", "\uFFFE\uFFFF", "\r\nX-Sisipan: 1",
        "ｆｕｌｌ", "null", "true", "-1", "0", "1e999", "NaN", "-9223372036854775809", "2021001234", "nama@kampus.test", "Online", "setuju", " ", "",
    ];

    private const string Chars = "aZ09 -_.@<>\"'&;%+=/\\{}[]:,\t\n\r\0\u0001\u001f\u007f\u0085\u00a0\u200b\u200e\u200f\u202e\u2028\ufeff\ufffd\ud800\udc00\ud83d\ude00éß漢字";

    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf(Payloads),
        Gen.String[Gen.Char[Chars], 0, 40],
        Gen.Select(Gen.OneOf(Payloads), Gen.String[Gen.Char[Chars], 0, 10], (p, s) => s + p + s),
        Gen.Select(Gen.Char[Chars], Gen.Int[1_000, 20_000], (c, n) => new string(c, n)));

    /// <summary>A JSON value of any kind, nasty strings escaped exactly as given (a lone surrogate stays one).</summary>
    public static readonly Gen<string> JsonValue = Gen.OneOf(
        Text.Select(s => Quote(s)),
        Gen.OneOf("1e999", "-1e999", "123456789012345678901234567890", "-0", "0.0000000001", "1", "true", "false", "null", "[]", "{}"),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0"),
        Text.Array[0, 3].Select(a => "[" + string.Join(",", a.Select(Quote)) + "]"));

    /// <summary>An object with some of the given property names (and some unknown ones), each with any value.</summary>
    public static Gen<string> JsonObject(params string[] names) =>
        Gen.Select(Gen.OneOf(Gen.OneOf(names), Text).Array[0, names.Length + 2], JsonValue.Array[names.Length + 2],
            (keys, values) => "{" + string.Join(",", keys.Select((k, i) => Quote(k) + ":" + values[i])) + "}");

    /// <summary>Sometimes valid JSON, sometimes cut short, doubled up or with garbage in it.</summary>
    public static Gen<string> Broken(Gen<string> json) => Gen.Select(json, Gen.Int[0, 9], Gen.Int[0, 1_000], (j, kind, at) => kind switch
    {
        0 => j[..Math.Min(at, j.Length)],
        1 => j + "}",
        2 => j.Insert(Math.Min(at, j.Length), "\u0000"),
        3 => "{\"a\":" + j,
        _ => j,
    });

    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A form value URL-encoded as a browser would, except that a lone surrogate goes out as its raw UTF-8-like bytes.</summary>
    public static string FormEncode(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(Uri.EscapeDataString(s.Substring(i++, 2))); continue; }
            if (char.IsSurrogate(c)) { sb.Append(CultureInfo.InvariantCulture, $"%ED%{0xA0 + ((c >> 6) & 0x1F):X2}%{0x80 + (c & 0x3F):X2}"); continue; }
            sb.Append(Uri.EscapeDataString(c.ToString()));
        }
        return sb.ToString();
    }
}

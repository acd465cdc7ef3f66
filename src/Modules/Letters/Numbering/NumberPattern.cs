using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CampusKonseling.Letters.Templates;

namespace CampusKonseling.Letters.Numbering;

/// <summary>
/// A letter number pattern such as <c>{seq:000}/P2KLLK/{romanMonth}/{year}</c>: literal text with
/// {seq} (or {seq:000}, zero-padded to the zeros' count), {romanMonth}, {month} ({month:00}) and {year}.
/// </summary>
public static partial class NumberPattern
{
    public const string Tokens = "{seq}, {seq:000}, {romanMonth}, {month}, {month:00}, {year}";
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    [GeneratedRegex(@"^(seq(:0+)?|romanMonth|month(:00)?|year)$")]
    private static partial Regex Known();

    public static IEnumerable<Galat> Validate(string? pattern, string field = "pola")
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            yield return new(field, "Pola nomor wajib diisi.");
            yield break;
        }
        if (pattern.Length > 200) yield return new(field, "Paling panjang {0} karakter.", 200);
        if (pattern.Contains('\n')) yield return new(field, "Pola nomor harus satu baris.");
        var seq = 0;
        foreach (var (token, ok) in Scan(pattern))
        {
            if (!ok) { yield return new(field, "Kurung kurawal tidak berpasangan di pola nomor: tulis isian seperti {0}.", "{seq}"); yield break; }
            if (token is null) continue;
            if (!Known().IsMatch(token)) yield return new(field, "Isian nomor tidak dikenal: {0}. Yang bisa dipakai: {1}.", "{" + token + "}", Tokens);
            else if (token.StartsWith("seq")) seq++;
        }
        if (seq == 0) yield return new(field, "Pola nomor harus memuat {0} (nomor urut) agar setiap surat bernomor unik.", "{seq}");
        if (seq > 1) yield return new(field, "Nomor urut {0} hanya boleh muncul sekali.", "{seq}");
    }

    /// <summary>The number for the <paramref name="seq"/>-th letter of the year of <paramref name="date"/>.</summary>
    public static string Render(string pattern, int seq, DateOnly date)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0) { sb.Append(pattern, i, pattern.Length - i); break; }
            var close = pattern.IndexOf('}', open);
            sb.Append(pattern, i, open - i);
            var token = pattern[(open + 1)..close];
            sb.Append(token switch
            {
                "romanMonth" => Roman[date.Month - 1],
                "month" => date.Month.ToString(CultureInfo.InvariantCulture),
                "month:00" => date.Month.ToString("00", CultureInfo.InvariantCulture),
                "year" => date.Year.ToString(CultureInfo.InvariantCulture),
                "seq" => seq.ToString(CultureInfo.InvariantCulture),
                _ when token.StartsWith("seq:") => seq.ToString(token[4..], CultureInfo.InvariantCulture),
                _ => "{" + token + "}",
            });
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>Literal text (null token) and tokens; ok=false at the first unpaired brace.</summary>
    private static IEnumerable<(string? Token, bool Ok)> Scan(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            var stray = pattern.IndexOf('}', i);
            if (stray >= 0 && (open < 0 || stray < open)) { yield return (null, false); yield break; }
            if (open < 0) yield break;
            var close = pattern.IndexOf('}', open);
            var nested = pattern.IndexOf('{', open + 1);
            if (close < 0 || (nested >= 0 && nested < close)) { yield return (null, false); yield break; }
            yield return (pattern[(open + 1)..close], true);
            i = close + 1;
        }
    }
}

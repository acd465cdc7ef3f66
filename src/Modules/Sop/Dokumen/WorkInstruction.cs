using System.Text.RegularExpressions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// A document without a flowchart table, as a numbered work instruction: each run of numbered paragraphs (1., 2., 3. …)
/// under a heading ("a. Layanan Konseling Mahasiswa Rujukan") is one SOP's steps, in order, with nothing but their text.
/// </summary>
public static partial class WorkInstruction
{
    [GeneratedRegex(@"^(\d{1,3})[.)]\s+(.+)$")] private static partial Regex Numbered();
    [GeneratedRegex(@"^([a-zA-Z]|\d{1,2})[.)]\s+")] private static partial Regex HeadingNumber();

    public sealed record Bagian(string? Judul, List<(string No, string Uraian)> Langkah, int Start, int End);

    /// <summary>Runs of at least two consecutive numbered paragraphs starting at 1, each with the heading above it.</summary>
    public static List<Bagian> Read(IReadOnlyList<DocLine> lines, int minimum = 2)
    {
        var parts = new List<Bagian>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsRow || Numbered().Match(lines[i][0]) is not { Success: true } m || m.Groups[1].Value != "1") continue;
            var steps = new List<(string, string)>();
            var j = i;
            for (; j < lines.Count && !lines[j].IsRow && Numbered().Match(lines[j][0]) is { Success: true } n && n.Groups[1].Value == (steps.Count + 1).ToString(); j++)
                steps.Add((n.Groups[1].Value, Teks.Clean(n.Groups[2].Value)));
            if (steps.Count < minimum) continue;
            string? judul = null;
            for (var h = i - 1; h >= 0 && judul is null; h--)
                if (!lines[h].IsRow && lines[h][0].Length > 0) judul = Teks.Clean(HeadingNumber().Replace(lines[h][0], ""));
            parts.Add(new Bagian(judul, steps, i, j));
            i = j - 1;
        }
        return parts;
    }
}

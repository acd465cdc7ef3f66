using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Templates;

namespace CampusKonseling.Letters.Rendering;

/// <summary>Fills a template with the case's values; a missing value shows as "…" and is listed.</summary>
public static class LetterComposer
{
    public const string Elipsis = "…";
    private static readonly string[] Bulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Tanggal(DateOnly d) => $"{d.Day} {Bulan[d.Month - 1]} {d.Year}";

    public static LetterContent Compose(LetterTemplate t, KopSurat kop, string? kotaKop, string nomor, int versi, DateOnly tanggal, IReadOnlyDictionary<string, string> nilai)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["tanggal"] = Tanggal(tanggal), ["tahun"] = tanggal.Year.ToString(), ["kampus"] = kop.Kampus, ["unit"] = kop.Unit ?? "", ["judul"] = t.Judul,
        };
        foreach (var (k, v) in nilai) values[k] = v;
        values["nomor"] = nomor;
        var kosong = new List<string>();
        IReadOnlyList<Run> Fill(string text, bool bold = false) => Runs(text, bold, values, kosong);
        IReadOnlyList<Run>? FillOptional(string? text, bool bold = false) => string.IsNullOrWhiteSpace(text) ? null : Fill(text, bold);

        var perihal = FillOptional(t.Perihal);
        var kepada = Blocks(t.Kepada, Fill);
        var isi = Blocks(t.Isi, Fill);
        var tempat = Join(Fill(t.TtdTempat ?? kotaKop ?? ""));
        var ttd = new TandaTangan(tempat.Length > 0 ? $"{tempat}, {Tanggal(tanggal)}" : Tanggal(tanggal),
            Fill(t.TtdJabatan), FillOptional(t.TtdNama, bold: true), FillOptional(t.TtdNip));
        return new LetterContent(kop, t.Judul, nomor, versi, perihal, kepada, isi, ttd, kosong.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// A signature's number line is printed as the template fills it ("NIDN. 0712…" from {nomor_induk_penandatangan}); a bare
    /// number (a template written "nip": "1975…" or "{nip_penandatangan}") is a NIP and gets its label.
    /// </summary>
    public static bool NipLabel(IReadOnlyList<Run> nip) => Join(nip) is var text && (text.Length == 0 || !char.IsLetter(text[0]));

    private static string Join(IEnumerable<Run> runs) => string.Concat(runs.Select(r => r.Text)).Trim();

    private static List<Blok> Blocks(string? text, Func<string, bool, IReadOnlyList<Run>> fill)
    {
        var blocks = new List<Blok>();
        if (string.IsNullOrWhiteSpace(text)) return blocks;
        foreach (var paragraph in Markup.Paragraphs(text))
        {
            var lines = new List<string>();
            foreach (var line in paragraph.Split('\n').Select(l => l.TrimEnd()))
            {
                if (!line.TrimStart().StartsWith('|')) { lines.Add(line.Trim()); continue; }
                Flush();
                var cells = line.Trim().Trim('|').Split('|', 2);
                blocks.Add(new Baris(fill(cells[0].Trim(), false), fill(cells.Length > 1 ? cells[1].Trim() : "", false)));
            }
            Flush();

            void Flush()
            {
                if (lines.Count == 0) return;
                blocks.Add(new Paragraf(fill(string.Join("\n", lines), false)));
                lines.Clear();
            }
        }
        return blocks;
    }

    /// <summary>Splits text at ** (bold on/off), then fills placeholders; values are never read as markup.</summary>
    private static List<Run> Runs(string text, bool bold, Dictionary<string, string> values, List<string> kosong)
    {
        var runs = new List<Run>();
        var parts = text.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            var isBold = bold || i % 2 == 1;
            var last = 0;
            foreach (System.Text.RegularExpressions.Match m in Markup.Placeholder().Matches(parts[i]))
            {
                if (m.Index > last) runs.Add(new Run(parts[i][last..m.Index], isBold));
                var name = m.Groups[1].Value;
                if (values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)) runs.Add(new Run(v.Replace("\r", "").Trim(), isBold));
                else
                {
                    runs.Add(new Run(Elipsis, isBold, Kosong: true));
                    kosong.Add(name);
                }
                last = m.Index + m.Length;
            }
            if (last < parts[i].Length) runs.Add(new Run(parts[i][last..], isBold));
        }
        return runs;
    }
}

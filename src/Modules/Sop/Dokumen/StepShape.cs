using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The steps from the rows: ids from the numbers (a number printed twice becomes "3", "3a"), the kind (first mulai, last
/// selesai, keputusan where the document shows one: a ◇, "Jika …" wording on a row without another symbol, or Ket's "Jika {pilihan}: ke langkah {no}"),
/// where each goes on (Ket's clauses, else the next row) and the findings of each row.
/// </summary>
public static partial class StepShape
{
    [GeneratedRegex(@"^Jika\s+(?<pilihan>.+?)\s*:\s*ke\s+langkah\s+(?<no>\S+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex JikaClause();

    [GeneratedRegex(@"^Lanjut\s+ke\s+langkah\s+(?<no>.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex LanjutClause();

    [GeneratedRegex(@"^(jika|apabila)", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    public sealed record Row(string Id, string No, string Uraian, IReadOnlyList<string> Lajur, IReadOnlyList<string> Tanda, IReadOnlyList<string> Kelengkapan,
        string Waktu, IReadOnlyList<string> Output, IReadOnlyList<string> Ket);

    public static List<Langkah> Shape(IReadOnlyList<Row> rows, bool lanesKnown, List<Temuan> temuan, FlowHeader? header = null)
    {
        var ids = rows.Select(r => r.Id).ToList();
        // A number printed on two rows (a decision and the step it leads to, both "4") means the other row, the first after this one.
        string? IdOf(string no, int from)
        {
            var clean = no.Trim().TrimEnd('.');
            var at = Enumerable.Range(0, rows.Count).Where(k => rows[k].No == clean).ToList();
            if (at.Count == 0) return ids.Contains(clean) ? clean : null;
            if (at.Count == 1) return ids[at[0]];
            var others = at.Where(k => k != from).ToList();
            return ids[others.FirstOrDefault(k => k > from, others[0])];
        }

        var steps = new List<Langkah>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var pilihan = new List<Pilihan>();
            var lanjut = new List<string>();
            var ket = new List<string>();
            foreach (var clause in row.Ket)
            {
                if (JikaClause().Match(clause) is { Success: true } j)
                {
                    if (IdOf(j.Groups["no"].Value, i) is { } to) pilihan.Add(new Pilihan(j.Groups["pilihan"].Value.Trim(), to));
                    else temuan.Add(new Temuan(row.Id, "ket", $"\"{clause}\" menuju langkah {j.Groups["no"].Value} yang tidak ada di tabel", TingkatTemuan.Galat));
                }
                else if (LanjutClause().Match(clause) is { Success: true } l)
                    foreach (var no in l.Groups["no"].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                                 .SelectMany(n => n.Split(" dan ", StringSplitOptions.TrimEntries)))
                        if (IdOf(no, i) is { } to) lanjut.Add(to);
                        else temuan.Add(new Temuan(row.Id, "ket", $"\"{clause}\" menuju langkah {no} yang tidak ada di tabel", TingkatTemuan.Galat));
                else ket.Add(clause);
            }

            var uraian = Teks.Capitalize(row.Uraian);
            var diamond = row.Tanda.Any(t => t.Contains('◇') || t.Contains('◆') || t.Contains('♦'));
            // "Jika …" wording makes a decision only where the document draws no other symbol: a ▭ row that starts "Jika" is the branch's task.
            var activity = row.Tanda.Any(t => t.Contains('▭') || t.Contains('□') || t.Contains('⬭') || t.Contains('⬬'));
            var worded = Conditional().IsMatch(row.Uraian) && !activity;
            // A terminator ⬭ after the first row ends the flow there, also in the middle of the table (one branch's end).
            var terminator = row.Tanda.Any(t => t.Contains('⬭') || t.Contains('⬬'));
            var jenis = pilihan.Count > 0 || diamond || worded ? JenisLangkah.Keputusan
                : i == 0 ? JenisLangkah.Mulai : i == rows.Count - 1 || terminator ? JenisLangkah.Selesai : JenisLangkah.Tugas;
            if (jenis == JenisLangkah.Keputusan && pilihan.Count < 2)
                temuan.Add(new Temuan(row.Id, "pilihan",
                    (worded ? "kalimat bersyarat (\"Jika …\"): langkah keputusan" : "tanda keputusan ◇: langkah keputusan")
                    + $"{(pilihan.Count == 0 ? " tanpa pilihan tertulis" : " dengan satu pilihan")}; tentukan pilihan dan langkah tujuannya", TingkatTemuan.Galat));
            if (jenis != JenisLangkah.Keputusan && jenis != JenisLangkah.Selesai && lanjut.Count == 0 && i + 1 < rows.Count) lanjut.Add(ids[i + 1]);
            if (jenis == JenisLangkah.Selesai && lanjut.Count > 0)
            {
                // The last row that goes on elsewhere (a loop back) is a task; the document's end is then not written.
                jenis = JenisLangkah.Tugas;
            }

            if (uraian.Length == 0) temuan.Add(new Temuan(row.Id, "uraian", "uraian kegiatan kosong", TingkatTemuan.Galat));
            else if (char.IsLower(row.Uraian[0]))
                temuan.Add(new Temuan(row.Id, "uraian", "uraian diawali huruf kecil: mungkin terpotong atau lanjutan baris sebelumnya; periksa pelakunya", TingkatTemuan.Info));
            if (lanesKnown && row.Lajur.Count == 0)
                temuan.Add(new Temuan(row.Id, "pelaksana", "tidak terbaca: tidak ada tanda di kolom pelaksana mana pun; pilih lajurnya"));
            if (header is not null)
                foreach (var (kolom, empty, nama) in new[] { (Kolom.Kelengkapan, row.Kelengkapan.Count == 0, "kelengkapan"), (Kolom.Waktu, row.Waktu.Length == 0, "waktu"), (Kolom.Output, row.Output.Count == 0, "output") })
                    if (empty && header.Has(kolom)) temuan.Add(new Temuan(row.Id, nama, $"kolom {nama} kosong pada baris ini", TingkatTemuan.Info));
            if (row.Waktu.Length > 0 && !WaktuParser.TryParse(row.Waktu, out _, out var error))
                temuan.Add(new Temuan(row.Id, "waktu", error!, TingkatTemuan.Galat));

            steps.Add(new Langkah
            {
                Id = ids[i],
                No = row.No,
                Jenis = jenis,
                Uraian = uraian,
                Pelaksana = row.Lajur,
                Kelengkapan = row.Kelengkapan,
                Waktu = row.Waktu.Length > 0 ? row.Waktu : null,
                Output = row.Output.Count > 0 ? string.Join("; ", row.Output) : null,
                Ket = ket.Count > 0 ? string.Join("\n", ket) : null,
                Lanjut = jenis == JenisLangkah.Keputusan ? [] : lanjut,
                Pilihan = pilihan,
            });
        }
        return steps;
    }
}

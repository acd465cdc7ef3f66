using System.Text.RegularExpressions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>A row of the flowchart table as read: its cells by column, the lanes marked and the marks.</summary>
public sealed class BarisAlir
{
    public required string No { get; init; }
    /// <summary>The step id: the number, with a letter when the document prints the number again ("3", "3a").</summary>
    public required string Id { get; init; }
    public string Uraian { get; set; } = "";
    public List<int> Lajur { get; } = [];
    public List<string> Tanda { get; } = [];
    public List<string> Kelengkapan { get; } = [];
    public string Waktu { get; set; } = "";
    public List<string> Output { get; } = [];
    public List<string> Ket { get; } = [];
}

/// <summary>
/// Reads the rows of a flowchart table under its header. Rows are numbered; an unnumbered line continues the row above
/// (the rest of its text, its lane marks on a line of their own, the rest of a list). A row whose cells do not line up with
/// the header (PDFs drop and add empty cells) is lined up on its Waktu cell, else from the right; what stays unsure is a finding.
/// </summary>
public static partial class FlowTable
{
    [GeneratedRegex(@"^((?:[A-Z]\.)?\d{1,3}[a-z]?(?:/\d{1,3}[a-z]?)?)\.?$")] private static partial Regex NumberPattern();

    /// <summary>A step number as printed: "3", "3a", a sub-step of a lettered part "E.2", a decision between two rows "6/7".</summary>
    public static string? Number(string cell)
    {
        var m = NumberPattern().Match(cell.Trim());
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The step id of a printed number: "E.2" → "E2", "6/7" → "6-7".</summary>
    public static string IdOf(string no) => no.Replace(".", "").Replace('/', '-');

    public sealed record Hasil(FlowHeader Header, List<BarisAlir> Baris, List<Temuan> Temuan, int End);

    public static Hasil Read(IReadOnlyList<DocLine> lines, int at)
    {
        var header = FlowHeader.Read(lines, at);
        var rows = new List<BarisAlir>();
        var temuan = new List<Temuan>();
        var table = lines[at].Tabel;
        var i = at + header.Baris;
        for (; i < lines.Count && lines[i].Tabel == table; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.Sel.All(c => c.Trim().Trim('-', '–', '—').Length == 0)) continue;
            if (FlowHeader.IsHeader(line))
            {
                // The header again: the table goes on over a page break.
                i += FlowHeader.Read(lines, i).Baris - 1;
                continue;
            }
            var noCol = Math.Max(0, header.Of(Kolom.No));
            var no = Number(line[noCol]);
            if (no is not null)
            {
                var id = IdOf(no);
                for (var suffix = 'a'; rows.Any(r => r.Id == id); suffix++) id = IdOf(no) + suffix;
                var row = new BarisAlir { No = no, Id = id };
                Fill(row, line, header, temuan, first: true);
                rows.Add(row);
            }
            else if (line[noCol].Length == 0 && rows.Count > 0)
            {
                Continue(rows[^1], line, header, temuan);
            }
            else
            {
                temuan.Add(new Temuan(rows.Count > 0 ? rows[^1].Id : null, "baris",
                    $"baris tidak terbaca (tanpa nomor langkah): \"{Short(line.Text)}\"; periksa apakah langkah terlewat", TingkatTemuan.Galat));
            }
        }
        return new Hasil(header, rows, temuan, i);
    }

    private static string Short(string text) => Teks.Clean(text) is var t && t.Length > 80 ? t[..80] + "…" : t;

    private static void Fill(BarisAlir row, DocLine line, FlowHeader header, List<Temuan> temuan, bool first)
    {
        var kegiatan = header.Of(Kolom.Kegiatan);
        var offset = Offset(line, header);
        if (offset != 0 && first)
            temuan.Add(new Temuan(row.Id, "baris", $"sel baris ini tidak sejajar dengan judul kolom ({line.Sel.Count} sel, judul {header.Count}); dibaca dari kolom Waktu atau dari kanan", TingkatTemuan.Info));
        var text = Teks.Clean(line[kegiatan]);
        if (text.Length > 0) row.Uraian = row.Uraian.Length == 0 ? text : $"{row.Uraian} {text}";

        // Lanes: the cells between Kegiatan and the first Mutu Baku column of this row.
        var firstMutu = Enumerable.Range(0, header.Count).FirstOrDefault(c => header.Kolom[c] is Kolom.Kelengkapan or Kolom.Waktu or Kolom.Output or Kolom.Ket, header.Count);
        var end = Math.Min(line.Sel.Count, firstMutu + offset);
        var region = Enumerable.Range(kegiatan + 1, Math.Max(0, end - kegiatan - 1)).ToList();
        var marks = region.Where(c => line[c].Length > 0).ToList();
        if (marks.Count > 0)
        {
            if (region.Count != firstMutu - kegiatan - 1)
            {
                // The cells do not line up: the marks are read where the header puts the lanes, and said.
                if (marks.All(c => c < header.Count && header.Kolom[c] == Kolom.Lajur))
                    temuan.Add(new Temuan(row.Id, "pelaksana", $"sel baris tidak sejajar: tanda {string.Join(", ", marks.Select(c => $"'{line[c]}' dibaca di kolom {header.Label[c]}"))}; periksa", TingkatTemuan.Peringatan));
                else
                {
                    temuan.Add(new Temuan(row.Id, "pelaksana", $"tanda pelaksana ({string.Join(", ", marks.Select(c => line[c]))}) tidak dapat dipastikan kolomnya karena sel baris tidak sejajar", TingkatTemuan.Peringatan));
                    marks.Clear();
                }
            }
            foreach (var c in marks)
                {
                    if (c < header.Count && header.Kolom[c] == Kolom.Lajur) { if (!row.Lajur.Contains(c)) row.Lajur.Add(c); row.Tanda.Add(line[c]); }
                    else temuan.Add(new Temuan(row.Id, "pelaksana", $"tanda '{line[c]}' di kolom tanpa nama pelaksana", TingkatTemuan.Peringatan));
                }
        }

        void Take(Kolom k, Action<string> set)
        {
            var c = header.Of(k);
            if (c < 0) return;
            var v = line[c + offset];
            if (v.Length > 0) set(v);
        }
        Take(Kolom.Kelengkapan, v => row.Kelengkapan.AddRange(Teks.Items(v)));
        Take(Kolom.Waktu, v => row.Waktu = row.Waktu.Length == 0 ? Teks.Clean(v) : $"{row.Waktu} {Teks.Clean(v)}");
        Take(Kolom.Output, v => row.Output.AddRange(Teks.Items(v)));
        Take(Kolom.Ket, v => row.Ket.AddRange(v.Split('\n').Select(Teks.Clean).Where(s => s.Length > 0)));

        foreach (var g in line.Gabungan ?? [])
            temuan.Add(new Temuan(row.Id, g.Kolom < header.Count ? header.Label[g.Kolom] is { Length: > 0 } l ? l : header.Kolom[g.Kolom].ToString() : "baris",
                g.Vertikal ? "sel gabungan dengan baris di atasnya: isinya tidak diulang di baris ini; periksa" : $"sel gabungan melintasi {g.Lebar} kolom; isinya dibaca pada kolom pertamanya",
                TingkatTemuan.Peringatan));
    }

    /// <summary>How far this row's cells sit from the header's columns: 0 when they line up, else found by the Waktu cell, else from the right.</summary>
    private static int Offset(DocLine line, FlowHeader header)
    {
        var waktu = header.Of(Kolom.Waktu);
        bool IsWaktu(int c) => c >= 0 && c < line.Sel.Count && line[c].Length > 0 && line[c].Any(char.IsLetter)
                               && WaktuParser.TryParse(Teks.Clean(line[c]), out _, out _);
        if (line.Sel.Count == header.Count && (waktu < 0 || line[waktu].Length == 0 || IsWaktu(waktu))) return 0;
        if (waktu >= 0)
            foreach (var d in new[] { 0, -1, 1, -2, 2, -3, 3 })
                if (IsWaktu(waktu + d) && waktu + d > header.Of(Kolom.Kegiatan)) return d;
        return line.Sel.Count >= header.Count || line.Sel.Count <= header.Of(Kolom.Kegiatan) + 1 ? 0 : line.Sel.Count - header.Count;
    }

    /// <summary>An unnumbered line: the rest of the row above. A line of connectors (○) alone marks where the flow crosses a page.</summary>
    private static void Continue(BarisAlir row, DocLine line, FlowHeader header, List<Temuan> temuan)
    {
        var kegiatan = header.Of(Kolom.Kegiatan);
        var filled = Enumerable.Range(0, line.Sel.Count).Where(c => line[c].Length > 0).ToList();
        var laneCells = filled.Where(c => c < header.Count && header.Kolom[c] == Kolom.Lajur).ToList();
        if (filled.Count > 0 && filled.All(c => laneCells.Contains(c)) && laneCells.All(c => IsConnector(line[c])))
        {
            var names = string.Join(", ", laneCells.Select(c => header.Label[c]));
            if (laneCells.Count == 1 && row.Lajur.Count == 0)
            {
                row.Lajur.Add(laneCells[0]);
                row.Tanda.Add(line[laneCells[0]]);
                temuan.Add(new Temuan(row.Id, "pelaksana", $"pelaksana diambil dari penghubung ○ di kolom {names} (pindah halaman); periksa", TingkatTemuan.Peringatan));
            }
            else
                temuan.Add(new Temuan(row.Id, "pelaksana", $"penghubung ○ di kolom {names} sesudah baris ini (pindah halaman) bukan tanda pelaksana; periksa alurnya", TingkatTemuan.Info));
            return;
        }
        if (line.Sel.Count != header.Count && filled.Any(c => c != kegiatan))
            temuan.Add(new Temuan(row.Id, "baris", "lanjutan baris tidak sejajar dengan judul kolom; isinya dibaca menurut posisi sel", TingkatTemuan.Info));
        Fill(row, line, header, temuan, first: false);
    }

    private static bool IsConnector(string cell) => cell.Trim() is "○" or "◯" or "O" or "o" or "⭘";
}

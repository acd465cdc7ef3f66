namespace CampusKonseling.Sop.Dokumen;

public enum Kolom { No, Kegiatan, Lajur, Kelengkapan, Waktu, Output, Ket, Lain }

/// <summary>
/// The flowchart table's header: one or two rows (the group row "Pelaksana", "Mutu Baku" over the lanes' names and the
/// Mutu Baku columns), and name fragments a narrow column broke onto a further line ("Konselor/" + "Psikolog").
/// A sub-header's word wins over the group row's at the same column; Ket is the last column of the format.
/// </summary>
public sealed class FlowHeader
{
    public required IReadOnlyList<Kolom> Kolom { get; init; }
    public required IReadOnlyList<string> Label { get; init; }
    /// <summary>Lines the header took (1 to 3).</summary>
    public int Baris { get; init; }

    public int Count => Kolom.Count;
    public int Of(Kolom k) => Kolom.ToList().IndexOf(k);
    public bool Has(Kolom k) => Of(k) >= 0;
    public IEnumerable<int> Lanes => Enumerable.Range(0, Count).Where(i => Kolom[i] == Dokumen.Kolom.Lajur);

    public static Kolom? Word(string cell)
    {
        var key = Teks.Key(cell);
        if (key.Length == 0) return null;
        foreach (var (word, kolom) in Words)
            if (Teks.Key(word) == key) return kolom;
        foreach (var (variant, canonical) in SopApFormat.Variants)
            if (Teks.Key(variant) == key)
                foreach (var (word, kolom) in Words)
                    if (word == canonical) return kolom;
        return null;
    }

    private static readonly (string Word, Kolom Kolom)[] Words =
    [
        (SopApFormat.No, Dokumen.Kolom.No), (SopApFormat.Kegiatan, Dokumen.Kolom.Kegiatan), (SopApFormat.Pelaksana, Dokumen.Kolom.Lain),
        (SopApFormat.MutuBaku, Dokumen.Kolom.Lain), (SopApFormat.Kelengkapan, Dokumen.Kolom.Kelengkapan), (SopApFormat.Waktu, Dokumen.Kolom.Waktu),
        (SopApFormat.Output, Dokumen.Kolom.Output), (SopApFormat.Ket, Dokumen.Kolom.Ket),
    ];

    /// <summary>A row that starts a flowchart table: a Kegiatan column among its first three cells and a No or Mutu Baku word.</summary>
    public static bool IsHeader(DocLine line)
    {
        if (!line.IsRow) return false;
        var words = line.Sel.Select(Word).ToList();
        var kegiatan = words.Take(3).Contains(Dokumen.Kolom.Kegiatan);
        return kegiatan && (words.Take(2).Contains(Dokumen.Kolom.No) || words.Any(w => w is Dokumen.Kolom.Waktu or Dokumen.Kolom.Output or Dokumen.Kolom.Kelengkapan));
    }

    /// <summary>A line of letters under the header, before the first numbered row: a sub-header or broken names.</summary>
    private static bool IsSubHeader(DocLine line) =>
        line.IsRow && FlowTable.Number(line[0]) is null && line[0].Length == 0 && line.Sel.Any(c => c.Any(char.IsLetter))
        && !line.Sel.Skip(1).Any(c => c.Length > 60);

    public static FlowHeader Read(IReadOnlyList<DocLine> lines, int at)
    {
        var top = lines[at].Sel;
        var sub = at + 1 < lines.Count && lines[at + 1].Tabel == lines[at].Tabel && IsSubHeader(lines[at + 1]) ? lines[at + 1].Sel : null;
        var n = Math.Max(top.Count, sub?.Count ?? 0);
        var label = Enumerable.Range(0, n).Select(i => sub is not null && i < sub.Count && sub[i].Length > 0 ? sub[i] : i < top.Count ? top[i] : "").ToList();
        var used = sub is null ? 1 : 2;
        if (sub is not null && at + 2 < lines.Count && lines[at + 2].Tabel == lines[at].Tabel && IsSubHeader(lines[at + 2])
            && lines[at + 2].Sel.Where(c => c.Length > 0).All(c => Word(c) is null))
        {
            Join(label, lines[at + 2].Sel);
            used = 3;
        }
        var kolom = new List<Kolom>();
        var seenKegiatan = false;
        var seenMutu = false;
        for (var i = 0; i < n; i++)
        {
            var w = Word(label[i]);
            Kolom k;
            if (w is Dokumen.Kolom.No && !kolom.Contains(Dokumen.Kolom.No) && !seenKegiatan) k = Dokumen.Kolom.No;
            else if (w is Dokumen.Kolom.Kegiatan && !seenKegiatan) { k = Dokumen.Kolom.Kegiatan; seenKegiatan = true; }
            else if (w is Dokumen.Kolom.Kelengkapan or Dokumen.Kolom.Waktu or Dokumen.Kolom.Output or Dokumen.Kolom.Ket && !kolom.Contains(w.Value)) { k = w.Value; seenMutu = true; }
            else if (seenKegiatan && !seenMutu && w is null) k = Dokumen.Kolom.Lajur;
            else k = Dokumen.Kolom.Lain;
            kolom.Add(k);
        }
        // The format's last column is Ket: a header that lost a cell can put its word before Output.
        var ket = kolom.IndexOf(Dokumen.Kolom.Ket);
        var lastMutu = kolom.FindLastIndex(k => k is Dokumen.Kolom.Kelengkapan or Dokumen.Kolom.Waktu or Dokumen.Kolom.Output);
        if (ket >= 0 && lastMutu > ket)
        {
            for (var i = ket; i < lastMutu; i++) { kolom[i] = kolom[i + 1]; label[i] = label[i + 1]; }
            kolom[lastMutu] = Dokumen.Kolom.Ket;
            label[lastMutu] = SopApFormat.Ket;
        }
        return new FlowHeader { Kolom = kolom, Label = label.Select(l => Teks.Clean(l).Replace("/ ", "/").Replace(" /", "/")).ToList(), Baris = used };
    }

    /// <summary>
    /// Joins the fragments of a further header line to the names above them. PDFs shift such a line by a column; the shift
    /// chosen is the one that lands the fragments on names that read unfinished ("Konselor/", a lone "Kepala").
    /// </summary>
    private static void Join(List<string> label, IReadOnlyList<string> fragments)
    {
        var parts = Enumerable.Range(0, fragments.Count).Where(i => fragments[i].Length > 0).ToList();
        int Score(int offset) => parts.Sum(i =>
        {
            var t = i + offset;
            if (t < 0 || t >= label.Count || label[t].Length == 0) return -5;
            return 1 + (label[t].EndsWith('/') || label[t].EndsWith('-') ? 3 : 0);
        });
        var best = new[] { 0, 1, -1 }.OrderByDescending(Score).ThenBy(o => o == 0 ? 0 : o > 0 ? 1 : 2).First();
        foreach (var i in parts)
        {
            var t = i + best;
            if (t < 0 || t >= label.Count) continue;
            label[t] = label[t].EndsWith('/') || label[t].EndsWith('-') ? label[t] + fragments[i] : $"{label[t]} {fragments[i]}";
        }
    }
}

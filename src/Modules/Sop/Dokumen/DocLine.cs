namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// A document as the reader sees it, whatever it came from: lines in order, each a paragraph (one cell) or a table row
/// (its cells, merged cells expanded to their grid columns). <see cref="Tabel"/> numbers the table a row belongs to
/// (rows of one table share it; -1 for paragraphs). <see cref="Gabungan"/> names the columns whose cell was merged.
/// </summary>
public sealed record DocLine(IReadOnlyList<string> Sel, int Tabel, IReadOnlyList<Gabung>? Gabungan = null)
{
    public bool IsRow => Tabel >= 0;
    public string Text => string.Join(" ", Sel.Where(s => s.Length > 0));
    public string this[int i] => i < Sel.Count ? Sel[i] : "";
    public bool IsBlank => Sel.All(string.IsNullOrWhiteSpace);

    public static DocLine Paragraph(string text) => new([text.Trim()], -1);
}

/// <summary>A merged cell: <c>Kolom</c> the grid column, vertical (vMerge continued from above) or across several columns (gridSpan).</summary>
public sealed record Gabung(int Kolom, bool Vertikal, int Lebar = 1);

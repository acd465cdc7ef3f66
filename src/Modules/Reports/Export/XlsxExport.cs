using System.Globalization;
using CampusKonseling.Reports.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CampusKonseling.Reports.Export;

/// <summary>
/// Tables as an XLSX workbook, one sheet per table, written with the Open XML SDK (docs/decisions/0009): the title,
/// the header, rows and total; counts and shares as numbers, hidden values ("&lt;5", "*") and words as inline text.
/// </summary>
public static class XlsxExport
{
    public static byte[] Write(IEnumerable<Tabel> tables, string? judul = null)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            var names = new HashSet<string>();
            foreach (var t in tables)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                part.Worksheet = new Worksheet(data);
                uint r = 1;
                data.Append(Row(r++, [Text(judul is null ? t.Judul : $"{t.Judul} — {judul}")]));
                data.Append(Row(r++, t.Kolom.Select(k => Text(k.Judul))));
                foreach (var row in t.Total is { } total ? t.Baris.Append(total) : t.Baris)
                    data.Append(Row(r++, row.Sel.Select((s, i) => Cell(t.Kolom[i], s))));
                if (t.Keterangan is { } note) data.Append(Row(r + 1, [Text(note)]));
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = SheetName(t.Kode, names) });
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string SheetName(string kode, HashSet<string> used)
    {
        var name = kode.Length > 28 ? kode[..28] : kode;
        for (var i = 2; !used.Add(name); i++) name = $"{kode[..Math.Min(kode.Length, 26)]}-{i}";
        return name;
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var c in cells)
        {
            c.CellReference = Column(col++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(c);
        }
        return row;
    }

    private static string Column(int i) => i < 26 ? ((char)('A' + i)).ToString() : Column(i / 26 - 1) + (char)('A' + i % 26);

    private static Cell Cell(Kolom k, Sel s) =>
        !s.Disamarkan && s.Nilai is { } v && k.Jenis is JenisKolom.Angka or JenisKolom.Persen
            ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture)) }
            : Text(s.Teks);

    private static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) };
}

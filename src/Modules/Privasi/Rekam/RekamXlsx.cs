using System.Globalization;
using CampusKonseling.Privasi.Data;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CampusKonseling.Privasi.Rekam;

/// <summary>The record as an XLSX workbook for the DPO: one row per activity, lists as lines in their cell.</summary>
public static class RekamXlsx
{
    public static readonly string[] Kolom =
        ["Jenis", "Kode", "Nama", "Tujuan", "Subjek data", "Data pribadi umum", "Data pribadi spesifik", "Penerima di kampus", "Penerima di luar kampus", "Dasar pemrosesan", "Retensi", "Pengamanan", "Catatan"];

    public static byte[] Write(string kampus, PejabatRow? pejabat, IReadOnlyList<BarisRekam> rows, DateTimeOffset dibuat)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            part.Worksheet = new Worksheet(data);
            uint r = 1;
            data.Append(Row(r++, [$"Rekaman Kegiatan Pemrosesan Data Pribadi — {kampus}"]));
            data.Append(Row(r++, [$"Pejabat Pelindungan Data Pribadi: {(pejabat is null ? "belum ditetapkan" : $"{pejabat.Nama}{(pejabat.Jabatan is null ? "" : $", {pejabat.Jabatan}")} <{pejabat.Email}>{(pejabat.Telepon is null ? "" : $" {pejabat.Telepon}")}")}"]));
            data.Append(Row(r++, [string.Create(CultureInfo.InvariantCulture, $"Dibuat {dibuat:yyyy-MM-dd HH:mm} dari konfigurasi kampus (UU 27/2022 Pasal 31)")]));
            data.Append(Row(r++, Kolom));
            foreach (var b in rows)
            {
                var k = b.Kegiatan;
                data.Append(Row(r++, [k.Jenis, k.Kode, k.Nama, b.Tujuan, k.Subjek, Lines(k.DataUmum), Lines(k.DataSpesifik), Lines(k.Penerima), Lines(k.PenerimaLuar), k.Dasar, k.Retensi, Lines(RekamPemrosesan.Pengamanan), b.Catatan ?? ""]));
            }
            sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "Rekaman pemrosesan" });
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string Lines(IReadOnlyList<string> items) => items.Count == 0 ? "-" : string.Join("\n", items);

    private static Row Row(uint index, IEnumerable<string> cells)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var text in cells)
            row.Append(new Cell
            {
                CellReference = Column(col++) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        return row;
    }

    private static string Column(int i) => i < 26 ? ((char)('A' + i)).ToString() : $"{(char)('A' + i / 26 - 1)}{(char)('A' + i % 26)}";
}

using System.Globalization;
using System.Text;
using CampusKonseling.Reports.Tables;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampusKonseling.Reports.Export;

/// <summary>A table as CSV (UTF-8 with BOM, comma-separated, for spreadsheets): the header, rows and total, each cell as the page shows it.</summary>
public static class CsvExport
{
    public static byte[] Write(Tabel t)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var k in t.Kolom) csv.WriteField(k.Judul);
            csv.NextRecord();
            foreach (var row in t.Total is { } total ? t.Baris.Append(total) : t.Baris)
            {
                for (var i = 0; i < t.Kolom.Count; i++) csv.WriteField(Text(t.Kolom[i], row.Sel[i]));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>Counts without thousands separators (so spreadsheets read them as numbers); everything else, hidden values included, as shown.</summary>
    public static string Text(Kolom k, Sel s) =>
        !s.Disamarkan && s.Nilai is { } v && k.Jenis is JenisKolom.Angka ? v.ToString(CultureInfo.InvariantCulture) : s.Teks;
}

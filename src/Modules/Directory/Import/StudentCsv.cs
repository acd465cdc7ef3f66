using System.Globalization;
using System.Text;
using CampusKonseling.Direktori.Students;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Import;

/// <summary>A data row of the file: its row number in the file (the header is row 1) and its cells.</summary>
public sealed record CsvRow(int Baris, StudentInput Input);

/// <summary>
/// Reads a SIAKAD export: UTF-8 (with or without BOM), ";" or "," as the header line shows, Indonesian
/// column names in any order and case. Unknown columns are ignored; nim, nama and status are required.
/// </summary>
public sealed class StudentCsv
{
    public const int MaxBytes = 20 * 1024 * 1024;
    private static readonly string[] Required = ["nim", "nama", "status"];

    private readonly string _text;
    private readonly string _delimiter;

    private StudentCsv(string text, string delimiter)
    {
        _text = text;
        _delimiter = delimiter;
    }

    /// <summary>The file ready to read, or the reason the whole file is refused (an Indonesian resource key).</summary>
    public static (StudentCsv? Csv, LocalizedString? Problem) Open(byte[] content, IStringLocalizer T)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, T["Berkas bukan UTF-8. Di spreadsheet, simpan sebagai \"CSV UTF-8\" lalu unggah lagi."]);
        }
        var header = text.Split('\n', 2)[0];
        if (header.Trim().Length == 0) return (null, T["Berkas kosong atau baris pertamanya bukan baris judul kolom."]);
        var delimiter = header.Count(c => c == ';') > header.Count(c => c == ',') ? ";" : ",";
        var columns = header.Split(delimiter).Select(Name).ToHashSet();
        if (Required.Any(r => !columns.Contains(r)))
            return (null, T["Baris pertama harus berisi judul kolom nim, nama dan status (boleh juga prodi, semester, email, telepon), dipisah ; atau ,."]);
        return (new StudentCsv(text, delimiter), null);
    }

    public IEnumerable<CsvRow> Rows()
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = _delimiter, HasHeaderRecord = true, MissingFieldFound = null, BadDataFound = null, HeaderValidated = null,
            IgnoreBlankLines = true, DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(_text);
        using var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < csv.HeaderRecord!.Length; i++) index.TryAdd(Name(csv.HeaderRecord[i]), i);
        while (csv.Read())
        {
            var parser = csv.Parser;
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < parser.Count ? parser[i] : null;
            yield return new CsvRow(parser.Row, new StudentInput(Cell("nim"), Cell("nama"), Cell("prodi"), Cell("semester"), Cell("status"), Cell("email"), Cell("telepon")));
        }
    }

    private static string Name(string header) => header.Trim().Trim('"').Trim().ToLowerInvariant();
}

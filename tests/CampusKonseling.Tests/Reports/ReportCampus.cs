using System.Globalization;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CampusKonseling.Tests.Reports;

/// <summary>
/// Two campuses for the report tests, made once: A (seed 001's unit) with a fixed set of cases around October 2026
/// (Asia/Jakarta), and B (UNIPMA) with one case of its own. Figures for A are computed by hand in the tests.
/// </summary>
public sealed class ReportCampus
{
    public const string Bulan = "2026-10", RahasiaKonseling = "Zwieselkristall", RahasiaUraian = "Quokkaberingin", NamaKlien = "Purnamasari Rahasiawati",
        BidangB = "Bidang Khusus Kampus B", SopA = "sop-a", SopB = "sop-b";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReportCampus? _shared;

    public required TestTenant A { get; init; }
    public required TestTenant B { get; init; }
    public required SopHarness InA { get; init; }
    public required SopHarness InB { get; init; }

    public static async Task<ReportCampus> GetAsync(PlatformFixture platform)
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null) return _shared;
            var a = await platform.CreateTenantAsync("konseling-asesmen", "lapa");
            var b = await platform.CreateTenantAsync("unipma", "lapb");
            await TestDatabase.ExecuteAsync(a.Database, CasesA);
            await TestDatabase.ExecuteAsync(b.Database, CasesB);
            return _shared = new ReportCampus { A = a, B = b, InA = new SopHarness(platform, a), InB = new SopHarness(platform, b) };
        }
        finally { Gate.Release(); }
    }

    // Local (WIB, +07) times. Case 6 opens on 1 November local time although it is still 31 October in UTC;
    // case 7 opened in September and closed in October.
    private static string Row(int n, string opened, string? closed, string status, string? sop, string? bidang, string? prodi, string? kontak, string? konselor, bool late) => $"""
        INSERT INTO kasus.cases (id, nomor, sumber, nama, status, sop_kode, sop_judul, langkah_aktif, peran_aktif, penerima_tugas, terlambat,
          konselor_id, konselor_nama, dibuka_pada, ditutup_pada, diperbarui_pada, bidang, saluran, jenis_klien, prodi, kontak_pertama_pada)
        VALUES ('00000000-0000-0000-0000-00000000000{n}', 'KS-UJI-00{n}', 'staf', '{NamaKlien}', '{status}', {Q(sop)}, {Q(sop is null ? null : "SOP " + sop.ToUpperInvariant())},
          '2 Konselor melaksanakan konseling', '{Empty}', '{Empty}', {(late ? "true" : "false")}, {Q(konselor)}, {Q(konselor is null ? null : "Konselor " + konselor)},
          '{opened}+07', {(closed is null ? "NULL" : $"'{closed}+07'")}, now(), {Q(bidang)}, 'Datang langsung', 'Mahasiswa', {Q(prodi)},
          {(kontak is null ? "NULL" : $"'{opened}+07'::timestamptz + interval '{kontak}'")});
        """;

    private const string Empty = "{}";

    private static string Q(string? s) => s is null ? "NULL" : $"'{s}'";

    private static readonly string CasesA = string.Join("\n",
        Row(1, "2026-10-01 09:00", "2026-10-10 12:00", "selesai", SopA, "Akademik", "Psikologi", "2 hours", "k1", false),
        Row(2, "2026-10-01 23:30", null, "berjalan", SopA, "Akademik", null, "4 hours", "k1", true),
        Row(3, "2026-10-08 10:00", null, "berjalan", SopA, "Pribadi", "Teknik Informatika", "1 day", "k2", false),
        Row(4, "2026-10-15 10:00", null, "baru", SopB, "Akademik", null, null, null, false),
        Row(5, "2026-10-31 23:00", "2026-11-02 08:00", "selesai", SopB, null, null, "6 hours", "k2", false),
        Row(6, "2026-11-01 03:00", null, "berjalan", SopA, "Pribadi", null, "1 hour", "k1", false),
        Row(7, "2026-09-20 10:00", "2026-10-05 10:00", "selesai", SopA, "Akademik", null, "3 hours", "k1", false)) + $"""

        INSERT INTO kasus.entries (case_id, jenis, tingkat, isi, terenkripsi, oleh_id, oleh_nama, pada)
        VALUES ('00000000-0000-0000-0000-000000000001', 'sesi', 'konseling', 'Klien bercerita tentang {RahasiaKonseling}.', false, 'k1', 'Konselor k1', now()),
               ('00000000-0000-0000-0000-000000000001', 'uraian-klien', 'konseling', 'Saya merasa {RahasiaUraian}.', false, 'klien', '{NamaKlien}', now());
        """;

    private static readonly string CasesB = Row(8, "2026-10-05 10:00", null, "baru", "sop-b", BidangB, null, null, null, false);

    /// <summary>A table of a report page: each row's cells as text (header cell first), the total row last.</summary>
    public static List<string[]> PageTable(AngleSharp.Dom.IDocument page, string kode) =>
        page.QuerySelectorAll($"section[data-tabel='{kode}'] tbody tr, section[data-tabel='{kode}'] tfoot tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).Where(r => r.Length > 1).ToList();

    public static List<string[]> Csv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        return rows;
    }

    /// <summary>A sheet of the workbook as text rows (numbers as written), from the third row (after title and header).</summary>
    public static List<string[]> Xlsx(byte[] bytes, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = doc.WorkbookPart!;
        var s = book.Workbook.Descendants<Sheet>().Single(x => x.Name == sheet);
        var part = (WorksheetPart)book.GetPartById(s.Id!);
        return part.Worksheet.Descendants<Row>().Skip(2)
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .Where(r => r.Length > 1).ToList();
    }

    public static string XlsxText(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", doc.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.InnerText));
    }
}

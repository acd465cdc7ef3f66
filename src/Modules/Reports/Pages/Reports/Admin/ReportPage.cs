using CampusKonseling.Reports.Periods;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>The period picker every report page shares: its query string, the resolved period and the campus time zone.</summary>
public abstract class ReportPage(ISiteSettings site, TimeProvider clock, IStringLocalizer<S> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Jenis { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bulan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Semester { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Dari { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Sampai { get; set; }
    [BindProperty(SupportsGet = true)] public string? Per { get; set; }
    /// <summary>"Untuk luar unit": small counts suppressed, no drill-down.</summary>
    [BindProperty(SupportsGet = true)] public bool Luar { get; set; }
    [BindProperty(SupportsGet = true)] public string? Urut { get; set; }

    protected IStringLocalizer<S> T { get; } = localizer;
    public Periode? Periode { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateOnly Today { get; private set; }

    /// <returns>False when the picker's values are wrong (the errors are beside the fields).</returns>
    protected async Task<bool> ResolveAsync(CancellationToken ct)
    {
        Zone = CampusKonseling.Site.CampusClock.Zone((await site.GetAsync(ct)).TimeZone);
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
        ModelState.Clear();
        var errors = new Dictionary<string, string>();
        Periode = new PeriodeInput(Jenis, Bulan, Semester, Dari, Sampai, Per).Resolve(Today, errors);
        foreach (var (field, message) in errors) ModelState.AddModelError(field, T[message]);
        return Periode is not null;
    }

    /// <summary>The period's query string, as resolved (so links and exports name the exact period), plus extra values.</summary>
    public string Query(params (string Key, string? Value)[] extra)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (Periode is { } p)
        {
            values.Add(new("jenis", p.Jenis));
            if (p.Jenis == Periods.Periode.Bulan) values.Add(new("bulan", p.Kode));
            else if (p.Jenis == Periods.Periode.Semester) values.Add(new("semester", p.Kode));
            else { values.Add(new("dari", p.Awal.ToString("yyyy-MM-dd"))); values.Add(new("sampai", p.Terakhir.ToString("yyyy-MM-dd"))); }
            values.Add(new("per", PeriodeInput.PerOf(p.Rentang)));
        }
        if (Luar) values.Add(KeyValuePair.Create("luar", (string?)"true"));
        values.AddRange(extra.Where(e => !string.IsNullOrEmpty(e.Value)).Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));
        return QueryString.Create(values).ToString();
    }

    /// <summary>Exports leave the system: who took which report, for which period, goes to the audit trail (no figures in it).</summary>
    protected async Task AuditAsync(string ringkasan, CancellationToken ct)
    {
        if (HttpContext.RequestServices.GetService(typeof(Audit.IAuditLog)) is Audit.IAuditLog audit)
            await audit.RecordAsync(new Audit.AuditEvent(Audit.AuditKinds.Dokumen, "laporan", Periode?.Kode, ringkasan), ct);
    }

    /// <summary>The semesters offered in the picker: the current one and the five before it.</summary>
    public IEnumerable<Periode> Semesters()
    {
        var s = Periods.Periode.SemesterOf(Today);
        for (var i = 0; i < 6; i++)
        {
            yield return s;
            s = Periods.Periode.SemesterOf(s.Awal.AddDays(-1));
        }
    }

    /// <summary>The "urut" value for a table column: "kode.kolom.t" (descending) or ".n" (ascending); clicking again flips it.</summary>
    public string SortValue(string kode, int kolom) => Urut == $"{kode}.{kolom}.t" ? $"{kode}.{kolom}.n" : $"{kode}.{kolom}.t";

    public (string Kode, int Kolom, bool Turun)? Sort =>
        Urut?.Split('.') is [var k, var c, var d] && int.TryParse(c, out var col) ? (k, col, d == "t") : null;

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A table or the whole report as a download: "csv" (one table) or "xlsx" (one table, or every table as sheets).</summary>
    protected async Task<IActionResult> ExportAsync(IReadOnlyList<Tables.Tabel> tables, string? tabel, string? format, string name, CancellationToken ct)
    {
        var chosen = string.IsNullOrEmpty(tabel) ? tables : tables.Where(t => t.Kode == tabel).ToList();
        if (chosen.Count == 0) return NotFound();
        var file = $"{name}-{Periode!.Kode}{(Luar ? "-luar-unit" : "")}";
        await AuditAsync($"Laporan {name} diekspor ({(format == "csv" ? "CSV" : "XLSX")}, {Periode.Label}{(Luar ? ", untuk luar unit" : "")})", ct);
        if (format == "csv")
            return chosen.Count == 1 ? File(global::CampusKonseling.Reports.Export.CsvExport.Write(chosen[0]), "text/csv; charset=utf-8", $"{file}-{chosen[0].Kode}.csv") : BadRequest();
        return File(global::CampusKonseling.Reports.Export.XlsxExport.Write(chosen, Periode.Label), Xlsx, chosen.Count == 1 ? $"{file}-{chosen[0].Kode}.xlsx" : $"{file}.xlsx");
    }
}

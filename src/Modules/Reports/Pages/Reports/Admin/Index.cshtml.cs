using CampusKonseling.Cases;
using CampusKonseling.Reports.Dashboard;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>The unit head's and leaders' dashboard: headline figures, charts, sortable tables, exports and the PDF report.</summary>
[RequirePermission(Permissions.ViewReports)]
public sealed class IndexModel(DashboardBuilder builder, Export.ReportPdf pdf, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> localizer)
    : ReportPage(site, clock, localizer)
{
    public Laporan? Laporan { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } report) Laporan = Sorted(report);
        return Page();
    }

    public async Task<IActionResult> OnGetEksporAsync(string? tabel, string? format, CancellationToken ct) =>
        await LoadAsync(ct) is { } report ? await ExportAsync(Sorted(report).Tabel, tabel, format, "laporan", ct) : Page();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } report) return Page();
        await AuditAsync($"Laporan PDF dibuat ({report.Periode.Label}{(Luar ? ", untuk luar unit" : "")})", ct);
        return File(await pdf.RenderAsync(report, ct), "application/pdf", $"laporan-{report.Periode.Kode}{(Luar ? "-luar-unit" : "")}.pdf");
    }

    private async Task<Laporan?> LoadAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return null;
        return await builder.BuildAsync(Periode!, Zone, Luar, Luar ? null : DrillLink, ct);
    }

    private Laporan Sorted(Laporan r) =>
        Sort is { } s ? r with { Tabel = r.Tabel.Select(t => t.Kode == s.Kode ? t.Urut(s.Kolom, s.Turun) : t).ToList() } : r;

    private string DrillLink(DateOnly dari, DateOnly sampai, Ukuran ukuran, Dimensi? dimensi, string? nilai, string? konselor) =>
        Url.Content("~/admin/laporan/kasus") + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["dari"] = dari.ToString("yyyy-MM-dd"), ["sampai"] = sampai.ToString("yyyy-MM-dd"), ["ukuran"] = ukuran.ToString(),
            ["dimensi"] = dimensi?.ToString(), ["nilai"] = dimensi is null ? null : Kasus.Encode(nilai), ["konselor"] = Kasus.Encode(konselor),
        }.Where(p => p.Value is not null)).ToString();
}

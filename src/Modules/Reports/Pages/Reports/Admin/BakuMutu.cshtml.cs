using CampusKonseling.Reports.Compliance;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>Baku-mutu compliance: each SOP's Mutu Baku table with the actual times of the period, worst steps first.</summary>
[RequirePermission(Permissions.ViewReports)]
public sealed class BakuMutuModel(ComplianceBuilder builder, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> localizer) : ReportPage(site, clock, localizer)
{
    /// <summary>"sop": rows in the SOP's own order instead of worst first.</summary>
    [BindProperty(SupportsGet = true)] public string? Susunan { get; set; }

    public IReadOnlyList<Tabel>? Tabel { get; private set; }
    public bool Available => builder.Available;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tabel = await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetEksporAsync(string? tabel, string? format, CancellationToken ct) =>
        await LoadAsync(ct) is { } tables ? await ExportAsync(tables, tabel, format, "baku-mutu", ct) : Page();

    private async Task<IReadOnlyList<Tabel>?> LoadAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return null;
        var tables = await builder.BuildAsync(Periode!, Zone, Luar, Susunan == "sop", Luar ? null : Link, ct);
        return Sort is { } s ? tables.Select(t => t.Kode == s.Kode ? t.Urut(s.Kolom, s.Turun) : t).ToList() : tables;
    }

    private string Link(string sop, string step, ComplianceSelection pilihan) =>
        Url.Content("~/admin/laporan/baku-mutu/aktivasi") + Query(("sop", sop), ("langkah", step), ("pilihan", pilihan.ToString()));
}

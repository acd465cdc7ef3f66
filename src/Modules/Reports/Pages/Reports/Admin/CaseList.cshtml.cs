using CampusKonseling.Cases;
using CampusKonseling.Modules;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>
/// The cases behind a dashboard figure: number, SOP, current step, status, dates and counselor — administrative
/// fields only. Not offered for reports marked for outside the unit.
/// </summary>
[RequirePermission(Permissions.ViewReports)]
public sealed class CaseListModel(ShellFeatureServices features, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> localizer) : ReportPage(site, clock, localizer)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Ukuran Ukuran { get; set; }
    [BindProperty(SupportsGet = true)] public Dimensi? Dimensi { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nilai { get; set; }
    [BindProperty(SupportsGet = true)] public string? Konselor { get; set; }
    [BindProperty(SupportsGet = true)] public int Hal { get; set; } = 1;

    public Tabel? Daftar { get; private set; }
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(Hal, PageSize, ct) ? Page() : Luar ? NotFound() : Page();

    public async Task<IActionResult> OnGetEksporAsync(string? format, CancellationToken ct) =>
        await LoadAsync(1, 5000, ct) ? await ExportAsync([Daftar!], null, format, "kasus", ct) : Luar ? NotFound() : Page();

    private async Task<bool> LoadAsync(int page, int size, CancellationToken ct)
    {
        Jenis = Periods.Periode.Kustom;
        if (Luar || !await ResolveAsync(ct) || features.Contract<ICaseStatistics>() is not { } cases) return false;
        var filter = new FilterKasus(Periode!.Dari(Zone), Periode.Sampai(Zone), Ukuran, Dimensi, Kasus.Decode(Nilai), Kasus.Decode(Konselor));
        var result = await cases.CasesAsync(filter, page, size, ct);
        Total = result.Total;
        Daftar = CaseTable.Of("kasus", T["Daftar kasus"], result.Baris, Zone, T, Url.Content("~/admin/kasus/"));
        return true;
    }

    public string Measure => Ukuran switch
    {
        Ukuran.Dibuka => T["Kasus dibuka pada periode"],
        Ukuran.Ditutup => T["Kasus ditutup pada periode"],
        Ukuran.TerbukaKini => T["Kasus yang terbuka saat ini"],
        Ukuran.Terlambat => T["Kasus terbuka yang terlambat saat ini"],
        Ukuran.Dihubungi => T["Kasus dibuka pada periode yang sudah dihubungi"],
        _ => T["Kasus dibuka pada periode yang belum dihubungi"],
    };

    public string DimensiLabel => Dimensi switch
    {
        Cases.Dimensi.Sop => T["SOP"],
        Cases.Dimensi.Bidang => T["Bidang"],
        Cases.Dimensi.Saluran => T["Saluran"],
        Cases.Dimensi.JenisKlien => T["Jenis klien"],
        _ => T["Program studi"],
    };

    public string DrillQuery(params (string, string?)[] extra) => Query([("ukuran", Ukuran.ToString()), ("dimensi", Dimensi?.ToString()), ("nilai", Nilai), ("konselor", Konselor), .. extra]);
}

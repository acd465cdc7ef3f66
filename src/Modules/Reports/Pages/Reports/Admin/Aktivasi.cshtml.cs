using CampusKonseling.Cases;
using CampusKonseling.Modules;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>The activations behind a compliance figure, each with its case (number, link) when a case runs the instance.</summary>
[RequirePermission(Permissions.ViewReports)]
public sealed class AktivasiModel(ShellFeatureServices features, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> localizer) : ReportPage(site, clock, localizer)
{
    [BindProperty(SupportsGet = true)] public string? Sop { get; set; }
    [BindProperty(SupportsGet = true)] public string? Langkah { get; set; }
    [BindProperty(SupportsGet = true)] public ComplianceSelection Pilihan { get; set; }

    public Tabel? Daftar { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetEksporAsync(string? format, CancellationToken ct) =>
        await LoadAsync(ct) ?? (Daftar is null ? Page() : await ExportAsync([Daftar], null, format, "aktivasi", ct));

    /// <returns>A result that ends the request (not found), or null to go on with <see cref="Daftar"/> set (or the picker's errors).</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Luar || string.IsNullOrEmpty(Sop) || string.IsNullOrEmpty(Langkah) || features.Contract<ISopCompliance>() is not { } compliance) return NotFound();
        if (!await ResolveAsync(ct)) return null;
        var list = await compliance.ActivationsAsync(new ComplianceQuery(Periode!.Dari(Zone), Periode.Sampai(Zone), Sop), Sop, Langkah, Pilihan, 500, ct);
        var cases = new Dictionary<Guid, BarisKasus>();
        if (features.Contract<ICaseStatistics>() is { } stats && list.Count > 0)
            foreach (var c in await stats.OfSopInstancesAsync(list.Select(a => a.InstanceId).Distinct().ToList(), ct))
                if (c.SopInstanceId is { } i) cases[i] = c;
        Daftar = Table(list, cases);
        return null;
    }

    private Tabel Table(IReadOnlyList<ComplianceActivation> list, Dictionary<Guid, BarisKasus> cases)
    {
        Sel When(DateTimeOffset? t) => t is { } v ? new Sel(TimeZoneInfo.ConvertTime(v, Zone).ToString("dd/MM/yyyy HH:mm")) : Sel.Kosong;
        var rows = list.Select(a =>
        {
            cases.TryGetValue(a.InstanceId, out var c);
            var duration = a.SelesaiPada is { } done ? done - a.DiaktifkanPada : (TimeSpan?)null;
            return new Baris([
                c is null ? Sel.Kosong : new Sel(c.Nomor, Tautan: Url.Content("~/admin/kasus/") + c.Id), Sel.Tulisan(a.Subjek),
                When(a.DiaktifkanPada), When(a.SelesaiPada), When(a.JatuhTempo), duration is { } d ? new Sel(Format.Durasi(d), Math.Round(d.TotalHours, 2)) : Sel.Kosong,
                Sel.Tulisan(a.Terlambat ? T["Terlambat"] : a.SelesaiPada is null ? T["Masih terbuka"] : T["Dalam baku"]),
                Sel.Tulisan(c?.KonselorNama ?? "–")]);
        }).ToList();
        return new Tabel("aktivasi", T["Aktivasi langkah"],
            [new(T["Kasus"], JenisKolom.Teks), new(T["Subjek"], JenisKolom.Teks), new(T["Diaktifkan"], JenisKolom.Tanggal), new(T["Selesai"], JenisKolom.Tanggal),
             new(T["Jatuh tempo"], JenisKolom.Tanggal), new(T["Durasi"], JenisKolom.Durasi), new(T["Keadaan"], JenisKolom.Teks), new(T["Konselor"], JenisKolom.Teks)], rows);
    }

    public string PilihanLabel => Pilihan switch
    {
        ComplianceSelection.DalamBaku => T["Selesai dalam baku"],
        ComplianceSelection.Terlambat => T["Terlambat"],
        ComplianceSelection.Terbuka => T["Masih terbuka"],
        _ => T["Semua yang selesai"],
    };

    public string DrillQuery(params (string, string?)[] extra) => Query([("sop", Sop), ("langkah", Langkah), ("pilihan", Pilihan.ToString()), .. extra]);
}

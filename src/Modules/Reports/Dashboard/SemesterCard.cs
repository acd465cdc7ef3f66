using System.Security.Claims;
using CampusKonseling.Cases;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Reports.Periods;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Dashboard;

/// <summary>The dashboard's card for the unit's head: this semester's cases opened and closed, open now and late, leading to the reports.</summary>
public sealed class SemesterCard(ShellFeatureServices features, IPermissionService permissions, CampusClock clock, IStringLocalizer<S> T) : IDashboardCard
{
    public async Task<KartuDasbor?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.ViewReports) || features.Contract<ICaseStatistics>() is not { } cases) return null;
        var time = await clock.GetAsync(ct);
        var p = Periode.SemesterOf(time.Today);
        var s = await cases.ComputeAsync(new StatistikQuery(p.Dari(time.Zone), p.Sampai(time.Zone), p.Rentang), ct);
        return new KartuDasbor(20, T["Semester ini: {0}", p.Label],
        [
            new(T["Kasus dibuka"], s.Dibuka, "~/admin/laporan?jenis=semester"),
            new(T["Kasus ditutup"], s.Ditutup, "~/admin/laporan?jenis=semester"),
            new(T["Terbuka saat ini"], s.TerbukaKini, "~/admin/laporan?jenis=semester"),
            new(T["Terlambat saat ini"], s.Terlambat, "~/admin/laporan/baku-mutu?jenis=semester", s.Terlambat > 0 ? NadaAngka.Terlambat : NadaAngka.Biasa),
        ], "~/admin/laporan?jenis=semester", T["Buka laporan semester"]);
    }
}

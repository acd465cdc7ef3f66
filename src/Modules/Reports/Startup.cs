using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Reports;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
        feature.Services.AddScoped<Dashboard.DashboardBuilder>();
        feature.Services.AddScoped<Compliance.ComplianceBuilder>();
        feature.Services.AddScoped<Export.ReportPdf>();
        feature.AddContract<IDashboardCard, Dashboard.SemesterCard>();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewReports = "ViewReports";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ViewReports, new("Melihat laporan dan dasbor layanan (angka dan data administratif)", "View service reports and dashboards (figures and administrative data)"), "Laporan")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Laporan", "Reports"), "admin/laporan", Permissions.ViewReports, 80),
        new(new("Kepatuhan baku mutu", "Baku-mutu compliance"), "admin/laporan/baku-mutu", Permissions.ViewReports, 81),
    ];
}

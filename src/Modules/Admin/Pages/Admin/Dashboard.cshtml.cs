using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Admin.Pages;

[RequirePermission(Permissions.AccessAdmin)]
public sealed class DashboardModel(CurrentShell current, IFeatureCatalog catalog) : PageModel
{
    public TenantInfo Tenant => current.Shell.Tenant;
    public IReadOnlyList<FeatureEntry> Enabled { get; private set; } = [];

    public void OnGet() =>
        Enabled = catalog.Features.Where(f => current.Shell.IsEnabled(f.Feature.Id)).ToList();
}

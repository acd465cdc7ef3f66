using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Admin.Pages;

/// <summary>
/// Where staff land: each enabled module's card for this reader (their inbox, the semester for the head, the programmes),
/// figures that open the list behind them. The campus administrator also sees the features on.
/// </summary>
[RequirePermission(Permissions.AccessAdmin)]
public sealed class DashboardModel(CurrentShell current, IFeatureCatalog catalog, ShellFeatureServices features, IPermissionService permissions) : PageModel
{
    public TenantInfo Tenant => current.Shell.Tenant;
    public IReadOnlyList<KartuDasbor> Cards { get; private set; } = [];
    public IReadOnlyList<FeatureEntry> Enabled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var cards = new List<KartuDasbor>();
        foreach (var card in features.Contracts<IDashboardCard>())
            if (await card.BuildAsync(User, ct) is { } built) cards.Add(built);
        Cards = cards.OrderBy(c => c.Urutan).ToList();
        if (await permissions.HasPermissionAsync(User, Permissions.ManageFeatures))
            Enabled = catalog.Features.Where(f => current.Shell.IsEnabled(f.Feature.Id)).ToList();
    }
}

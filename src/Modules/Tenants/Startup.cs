using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Tenants;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature) =>
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
}

public sealed class Permissions : IPermissionProvider
{
    public const string ManageTenants = "ManageTenants";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ManageTenants, new("Kelola kampus (administrator host)", "Manage campuses (host administrator)"), "Host")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
        [new(new("Kampus", "Campuses"), "admin/kampus", Permissions.ManageTenants, 10)];
}

using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Admin;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature) =>
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
}

public sealed class Permissions : IPermissionProvider
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageFeatures = "ManageFeatures";
    public const string RunRecipes = "RunRecipes";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AccessAdmin, new("Membuka area staf", "Open the staff area"), "Administrasi"),
        new(ManageFeatures, new("Mengaktifkan dan menonaktifkan fitur", "Enable and disable features"), "Administrasi"),
        new(RunRecipes, new("Menjalankan resep", "Run recipes"), "Administrasi"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Dasbor", "Dashboard"), "admin", Permissions.AccessAdmin, 0),
        new(new("Fitur", "Features"), "admin/fitur", Permissions.ManageFeatures, 95),
        new(new("Resep", "Recipes"), "admin/resep", Permissions.RunRecipes, 96),
    ];
}

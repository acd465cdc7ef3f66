using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Pages.Api;
using Microsoft.AspNetCore.Routing;
using CampusKonseling.Navigation;
using CampusKonseling.Pages.Content;
using CampusKonseling.Pages.Data;
using CampusKonseling.Security;

namespace CampusKonseling.Pages;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature) =>
        feature.AddTenantDbContext<PagesDb>(PagesDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddPublicMenu<PublicMenu>()
            .AddRecipeStep<PagesStep>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPagesApi();
}

public sealed class Permissions : IPermissionProvider
{
    public const string ManagePages = "ManagePages";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ManagePages, new("Kelola halaman kampus", "Manage campus pages"), "Konten")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
        [new(new("Halaman", "Pages"), "admin/halaman", Permissions.ManagePages, 50)];
}

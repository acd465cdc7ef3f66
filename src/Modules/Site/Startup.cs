using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Site.Api;
using Microsoft.AspNetCore.Routing;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using CampusKonseling.Site.Data;
using CampusKonseling.Site.Logo;
using CampusKonseling.Site.Settings;

namespace CampusKonseling.Site;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<SiteDb>(SiteDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddRecipeStep<SettingsStep>();
        feature.Services.AddScoped<SiteSettingsService>();
        feature.Services.AddScoped<ISiteSettings>(sp => sp.GetRequiredService<SiteSettingsService>());
        feature.Services.AddScoped<CampusClock>();
        feature.Services.AddScoped<Logo.LogoKampus>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCampusApi().MapCampusLogo();
}

public sealed class Permissions : IPermissionProvider
{
    public const string ManageSettings = "ManageSettings";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ManageSettings, new("Kelola pengaturan kampus", "Manage campus settings"), "Situs")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
        [new(new("Pengaturan", "Settings"), "admin/pengaturan", Permissions.ManageSettings, 90)];
}

using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using CampusKonseling.Sop.Api;
using CampusKonseling.Sop.Charts;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Recipes;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Sop;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<SopDb>(SopDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddRecipeStep<SopStep>()
            .AddBackgroundTask<RetentionTask>();
        var services = feature.Services;
        services.AddScoped<ISopStore, DbSopStore>();
        services.AddScoped<IInstanceLocks, DbInstanceLocks>();
        services.AddScoped<SopCatalog>();
        services.AddScoped<SopPublisher>();
        services.AddScoped<SopRuntime>();
        services.AddSingleton<SopMetrics>();
        services.AddScoped<SopAccess>();
        services.AddScoped<CampusKonseling.Workflows.ISopLauncher, SopLauncher>();
        // A contract: the Notifications module signals a step whose message it delivered, where this feature is enabled.
        feature.AddContract<CampusKonseling.Workflows.ISopSteps, SopSteps>();
        feature.AddContract<CampusKonseling.Workflows.IStepAction, TunjukAction>();
        feature.AddContract<CampusKonseling.Workflows.ISopCompliance, Compliance.SopCompliance>();
        feature.AddContract<CampusKonseling.Privasi.IKegiatanPemrosesan, Privasi.SopPemrosesan>();
        services.AddSingleton<ISlaTimers, QuartzSlaTimers>();
        services.AddSingleton<SopSchedules>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSopApi().MapSopCharts().MapSopDokumen();
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewSop = "ViewSop";
    public const string StartSop = "StartSop";
    public const string ManageSop = "ManageSop";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewSop, new("Melihat SOP dan instans yang berjalan", "View SOPs and running instances"), "SOP"),
        new(StartSop, new("Memulai instans SOP", "Start SOP instances"), "SOP"),
        new(ManageSop, new("Mengimpor dan menyunting SOP", "Import and edit SOPs"), "SOP"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() => [new(new("SOP", "SOPs"), "admin/sop", Permissions.ViewSop, 20)];
}

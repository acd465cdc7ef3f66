using CampusKonseling.Audit.Chain;
using CampusKonseling.Audit.Data;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Audit;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<AuditDb>(AuditDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>();
        feature.Services.AddScoped<RequestOrigin>();
        feature.Services.AddScoped<IAuditLog, AuditLog>();
        feature.Services.AddScoped<ChainVerifier>();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewAudit = "ViewAudit";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ViewAudit, new("Melihat jejak audit", "View the audit trail"), "Audit")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
        [new(new("Jejak audit", "Audit trail"), "admin/audit", Permissions.ViewAudit, 97)];
}

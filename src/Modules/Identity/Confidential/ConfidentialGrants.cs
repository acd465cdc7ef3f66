using CampusKonseling.Identity.Data;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Confidential;

/// <summary>
/// Which permissions open counseling content (declared <see cref="Permission.Explicit"/> by any module,
/// enabled or not) and which roles hold one. Nobody inside the campus may add such a grant or a member
/// to such a role; taking them away only reduces access and stays allowed (ADR 0010).
/// </summary>
public sealed class ConfidentialGrants(IEnumerable<FeatureService> registrations, IServiceProvider services, IdentityDb db)
{
    private HashSet<string>? _names;

    public IReadOnlySet<string> Names => _names ??= registrations
        .Where(r => r.Kind == FeatureServiceKind.Permissions)
        .SelectMany(r => ((IPermissionProvider)services.GetRequiredService(r.ImplementationType)).GetPermissions())
        .Where(p => p.Explicit).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public async Task<HashSet<string>> RolesHoldingAsync(CancellationToken ct = default)
    {
        var names = Names.ToList();
        return (await db.RoleClaims.Where(c => c.ClaimType == IdentityDb.PermissionClaim && names.Contains(c.ClaimValue!))
            .Join(db.Roles, c => c.RoleId, r => r.Id, (c, r) => r.Name!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// True when a recipe runs from this campus's own admin pages: the request is inside the campus it
    /// changes, so it is the campus admin acting. The host's set-up (host admin page, CLI, start-up)
    /// runs outside it, and the default tenant's admin is the host admin.
    /// </summary>
    public static bool IsCampusAdminRequest(IServiceProvider services)
    {
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http?.Items[typeof(ShellContext)] is not ShellContext requestShell || requestShell.Tenant.IsDefault) return false;
        var target = services.GetRequiredService<CurrentShell>();
        return target.HasShell && string.Equals(target.Shell.Name, requestShell.Name, StringComparison.OrdinalIgnoreCase);
    }

    public const string RecipeRefusal =
        "izin yang membuka catatan konseling hanya dapat diberikan oleh administrator host atas surat permintaan kampus (ADR 0010)";
}

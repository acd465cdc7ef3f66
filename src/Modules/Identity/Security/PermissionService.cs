using System.Security.Claims;
using CampusKonseling.Identity.Data;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// A user holds a permission when one of their roles grants it and the feature declaring it is
/// enabled in this campus. Grants are cached per campus shell and dropped when roles change.
/// </summary>
public sealed class PermissionService(CurrentShell current, ShellFeatureServices features, IServiceProvider services) : IPermissionService
{
    private const string CacheKey = "identity:grants";

    public IReadOnlyList<Permission> EnabledPermissions() =>
        features.Get<IPermissionProvider>(FeatureServiceKind.Permissions).SelectMany(p => p.GetPermissions()).ToList();

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true || !current.HasShell) return false;
        if (EnabledPermissions().FirstOrDefault(p => p.Name == permission) is not { } declared) return false;
        // A system calling with an API key never opens counseling content, even when the host later grants
        // its role such a permission for the people in it (ADR 0010).
        if (declared.Explicit && user.Identity?.AuthenticationType == ApiKeys.ApiKeyHandler.SchemeName) return false;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(StandardRoles.Administrator) && !declared.Explicit) return true;
        var grants = await GrantsAsync();
        return roles.Any(r => grants.TryGetValue(r, out var set) && set.Contains(permission));
    }

    public void Invalidate() => current.Shell.Cache.TryRemove(CacheKey, out _);

    private async Task<IReadOnlyDictionary<string, HashSet<string>>> GrantsAsync()
    {
        if (current.Shell.Cache.TryGetValue(CacheKey, out var cached)) return (IReadOnlyDictionary<string, HashSet<string>>)cached;
        var db = services.GetRequiredService<IdentityDb>();
        var rows = await db.RoleClaims.AsNoTracking()
            .Where(c => c.ClaimType == IdentityDb.PermissionClaim)
            .Join(db.Roles, c => c.RoleId, r => r.Id, (c, r) => new { Role = r.Name!, c.ClaimValue })
            .ToListAsync();
        var grants = rows.GroupBy(r => r.Role)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ClaimValue!).ToHashSet(), StringComparer.Ordinal);
        current.Shell.Cache[CacheKey] = grants;
        return grants;
    }
}

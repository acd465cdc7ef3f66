using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Security;

/// <summary>A role's permissions are stored as role claims of type "permission".</summary>
public static class RolePermissions
{
    /// <summary>Makes the role hold exactly <paramref name="wanted"/> among the permissions <paramref name="editable"/> accepts; others stay.</summary>
    public static async Task SetAsync(IdentityDb db, string roleId, IReadOnlySet<string> wanted, Func<string, bool> editable, CancellationToken ct = default)
    {
        var existing = await db.RoleClaims.Where(c => c.RoleId == roleId && c.ClaimType == IdentityDb.PermissionClaim).ToListAsync(ct);
        db.RoleClaims.RemoveRange(existing.Where(c => editable(c.ClaimValue!) && !wanted.Contains(c.ClaimValue!)));
        foreach (var permission in wanted.Where(p => existing.All(c => c.ClaimValue != p)))
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = roleId, ClaimType = IdentityDb.PermissionClaim, ClaimValue = permission });
        await db.SaveChangesAsync(ct);
    }

    public static Task<List<string>> GetAsync(IdentityDb db, string roleId) =>
        db.RoleClaims.Where(c => c.RoleId == roleId && c.ClaimType == IdentityDb.PermissionClaim).Select(c => c.ClaimValue!).ToListAsync();
}

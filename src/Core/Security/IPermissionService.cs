using System.Security.Claims;

namespace CampusKonseling.Security;

/// <summary>Answers whether a user holds a permission in the current tenant.</summary>
public interface IPermissionService
{
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission);
    IReadOnlyList<Permission> EnabledPermissions();
}

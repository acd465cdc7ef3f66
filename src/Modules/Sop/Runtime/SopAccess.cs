using System.Security.Claims;
using CampusKonseling.Security;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// Who may see an SOP's instances: those who work in it (hold one of its lane roles) and those
/// who manage SOPs. Holding ViewSop alone shows the SOP documents, not the cases running on them.
/// </summary>
public sealed class SopAccess(IPermissionService permissions)
{
    public async Task<bool> CanSeeInstancesAsync(ClaimsPrincipal user, SopDefinition sop) =>
        sop.Pelaksana.Any(p => !p.Klien && p.Peran is { } peran && user.IsInRole(peran)) || await permissions.HasPermissionAsync(user, Permissions.ManageSop);
}

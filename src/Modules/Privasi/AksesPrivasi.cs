using System.Security.Claims;
using CampusKonseling.Security;

namespace CampusKonseling.Privasi;

/// <summary>Who oversees every request and breach: holders of ManagePrivasi, and the named DPO (their account's address is the DPO's).</summary>
public sealed class AksesPrivasi(IPermissionService permissions, IPejabatPdp pejabat)
{
    public async Task<bool> PengawasAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await permissions.HasPermissionAsync(user, Permissions.ManagePrivasi)
        || (user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email && await pejabat.GetAsync(ct) is { } dpo
            && string.Equals(dpo.Email.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
}

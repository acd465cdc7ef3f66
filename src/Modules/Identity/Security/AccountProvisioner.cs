using System.Data.Common;
using CampusKonseling.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// A registration's account: none is made twice for one e-mail; a new one has no password (nobody can
/// sign in with it) until its owner follows the set-password link, which is a one-day reset token.
/// Never given a staff role: the role must exist and hold no permissions.
/// </summary>
public sealed class AccountProvisioner(UserManager<CampusUser> users, RoleManager<CampusRole> roles, IdentityDb db, TenantDbConnection connection,
    ILogger<AccountProvisioner> logger)
    : IAccountProvisioner
{
    public async Task<ProvisionedAccount?> EnsureAsync(string email, string nama, string role, DbTransaction transaction, CancellationToken ct = default)
    {
        await connection.EnlistAsync(db, transaction, ct);
        if (await users.FindByEmailAsync(email) is { } existing) return new ProvisionedAccount(existing.Id, false, null);
        if (await roles.FindByNameAsync(role) is not { } found || (await RolePermissions.GetAsync(db, found.Id)).Count > 0)
        {
            logger.LogError("Registration accounts need role {Role} to exist and hold no permissions; no account was made", role);
            return null;
        }
        var user = new CampusUser { UserName = email, Email = email, FullName = nama, EmailConfirmed = false };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new ProvisionedAccount(user.Id, true, $"akun/atur-ulang-sandi?email={Uri.EscapeDataString(email)}&kode={Uri.EscapeDataString(token)}&baru=true");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Account not created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}

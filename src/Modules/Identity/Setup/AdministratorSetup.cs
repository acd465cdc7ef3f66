using CampusKonseling.Identity.Data;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity.Setup;

/// <summary>Creates the campus's built-in Administrator role and its first administrator at setup.</summary>
public sealed class AdministratorSetup(UserManager<CampusUser> users, RoleManager<CampusRole> roles) : ITenantSetupHandler
{
    public async Task SetupAsync(SetupAdmin admin, CancellationToken ct)
    {
        if (!await roles.RoleExistsAsync(StandardRoles.Administrator))
            Check(await roles.CreateAsync(new CampusRole(StandardRoles.Administrator) { Description = "Memiliki semua izin di kampus ini." }));
        var user = await users.FindByEmailAsync(admin.Email);
        if (user is null)
        {
            user = new CampusUser { UserName = admin.Email, Email = admin.Email, EmailConfirmed = true, FullName = "Administrator" };
            Check(await users.CreateAsync(user, admin.Password));
        }
        if (!await users.IsInRoleAsync(user, StandardRoles.Administrator))
            Check(await users.AddToRoleAsync(user, StandardRoles.Administrator));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

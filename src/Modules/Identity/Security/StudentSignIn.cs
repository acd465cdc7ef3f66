using CampusKonseling.Identity.Data;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// Portal sign-in: the student's account is linked to their NIM as an external login ("PortalKampus"),
/// so a changed e-mail in SIAKAD still finds the same account. An account that holds any permission is
/// refused every time, so a portal token can never act as staff, even after a role change.
/// </summary>
public sealed class StudentSignIn(UserManager<CampusUser> users, RoleManager<CampusRole> roles, SignInManager<CampusUser> signIn, IdentityDb db,
    ILogger<StudentSignIn> logger) : IStudentSignIn
{
    public const string Provider = "PortalKampus";

    public async Task<StudentSignInResult> SignInAsync(PortalStudent student, string role, CancellationToken ct = default)
    {
        var studentRole = role.Length > 0 ? await roles.FindByNameAsync(role) : null;
        if (studentRole is not null && (role == StandardRoles.Administrator || (await RolePermissions.GetAsync(db, studentRole.Id)).Count > 0))
        {
            logger.LogError("Portal sign-in refused: role {Role} grants permissions", role);
            return StudentSignInResult.RoleNotAllowed;
        }

        var user = await users.FindByLoginAsync(Provider, student.Nim);
        var linked = user is not null;
        if (user is null && !string.IsNullOrWhiteSpace(student.Email)) user = await users.FindByEmailAsync(student.Email);
        if (user is not null && await HoldsPermissionsAsync(user)) return StudentSignInResult.StaffAccount;
        if (user is not null && await users.IsLockedOutAsync(user)) return StudentSignInResult.LockedOut;

        if (user is null)
        {
            // Identity requires a unique e-mail; a student SIAKAD gave none gets an address that can never receive mail.
            var email = string.IsNullOrWhiteSpace(student.Email) ? $"{student.Nim.ToLowerInvariant()}@portal.invalid" : student.Email.Trim();
            user = new CampusUser { UserName = email, Email = email, FullName = student.Nama, EmailConfirmed = !email.EndsWith(".invalid", StringComparison.Ordinal) };
            Check(await users.CreateAsync(user));
        }
        if (!linked) Check(await users.AddLoginAsync(user, new UserLoginInfo(Provider, student.Nim, "Portal kampus")));
        if (studentRole is not null && !await users.IsInRoleAsync(user, studentRole.Name!)) Check(await users.AddToRoleAsync(user, studentRole.Name!));
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Provider);
        return StudentSignInResult.SignedIn;
    }

    private async Task<bool> HoldsPermissionsAsync(CampusUser user)
    {
        foreach (var name in await users.GetRolesAsync(user))
        {
            if (name == StandardRoles.Administrator) return true;
            if (await roles.FindByNameAsync(name) is { } r && (await RolePermissions.GetAsync(db, r.Id)).Count > 0) return true;
        }
        return false;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Portal account not made: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}

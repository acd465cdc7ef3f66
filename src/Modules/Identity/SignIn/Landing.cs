using CampusKonseling.Identity.Data;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CampusKonseling.Identity.SignIn;

/// <summary>
/// Where a person lands after signing in: staff (who may open the staff area) on the page they asked for or the staff
/// dashboard; a client (a student, alumnus or praja) on the page they asked for unless it is the staff area, else on their
/// own page ("Permohonan saya") — never on "Akses ditolak".
/// </summary>
public sealed class Landing(SignInManager<CampusUser> signIn, IPermissionService permissions, ShellFeatureServices features)
{
    /// <summary>Declared by the Admin module: opening the staff area.</summary>
    public const string StaffArea = "AccessAdmin";

    public async Task<string> AfterSignInAsync(string email, string? returnUrl, IUrlHelper url)
    {
        var user = await signIn.UserManager.FindByNameAsync(email);
        var staff = user is not null && await permissions.HasPermissionAsync(await signIn.CreateUserPrincipalAsync(user), StaffArea);
        var staffArea = url.Content("~/admin");
        if (url.IsLocalUrl(returnUrl) && (staff || !IsUnder(returnUrl!, staffArea))) return returnUrl!;
        if (staff) return staffArea;
        return features.Contract<IClientHome>() is { } home ? url.Content("~/" + home.Path) : url.Content("~/");
    }

    private static bool IsUnder(string url, string area)
    {
        var path = url.Split('?', '#')[0];
        return path.Equals(area, StringComparison.OrdinalIgnoreCase) || path.StartsWith(area + "/", StringComparison.OrdinalIgnoreCase);
    }
}

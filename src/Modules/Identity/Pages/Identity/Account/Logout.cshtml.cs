using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class LogoutModel(SignInManager<CampusUser> signIn) : PageModel
{
    /// <summary>Signed in: asks to confirm (the campus header links here, a form per page would be one more form on every page); else home.</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect(Url.Content("~/"));

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session everywhere: a copy of the cookie is refused on its next request.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }
}

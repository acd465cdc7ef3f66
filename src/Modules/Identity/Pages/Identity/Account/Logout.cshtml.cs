using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class LogoutModel(SignInManager<CampusUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Url.Content("~/"));

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session everywhere: a copy of the cookie is refused on its next request.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }
}

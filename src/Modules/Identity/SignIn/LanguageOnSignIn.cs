using CampusKonseling.Identity.Data;
using CampusKonseling.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace CampusKonseling.Identity.SignIn;

/// <summary>
/// The language a user chose follows them to every device: signing in where they already picked one (the culture cookie)
/// keeps that choice on the account, for the mail written to them; signing in on a new device brings the account's choice.
/// </summary>
public static class LanguageOnSignIn
{
    public static async Task ApplyAsync(HttpContext http, UserManager<CampusUser> users, CampusUser user)
    {
        var chosen = http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
            ? CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value : null;
        // Only the platform's two languages are kept, whatever the cookie says.
        if (chosen is { Length: > 0 }) chosen = CultureScope.Of(chosen).Name;
        if (chosen is not null && chosen != user.Bahasa)
        {
            user.Bahasa = chosen;
            await users.UpdateAsync(user);
        }
        else if (chosen is null && user.Bahasa is { } kept)
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(kept)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    }
}

using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Identity.SignIn;

/// <summary>
/// OWASP's device cookie: after a successful sign-in the browser gets a signed cookie naming the account
/// and a random device id. Its holder keeps signing in to that account while strangers' failures have
/// locked the account for untrusted clients; failures from the device count against the device only.
/// One cookie per account and campus, so people sharing a computer each keep their own.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider protection, CurrentShell current, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Identity.DeviceCookie", current.Shell.Name).ToTimeLimitedDataProtector();

    /// <summary>The device id of a valid cookie for this account; null when the browser holds none.</summary>
    public string? Read(HttpContext http, string userId)
    {
        if (http.Request.Cookies[Name(userId)] is not { Length: > 0 } value) return null;
        try
        {
            return Protector.Unprotect(value).Split('|') is [var id, var device] && id == userId ? device : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Issue(HttpContext http, string userId)
    {
        var device = Read(http, userId) ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Name(userId), Protector.Protect($"{userId}|{device}", Lifetime), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, IsEssential = true,
            Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
            Expires = clock.GetUtcNow() + Lifetime,
        });
    }

    // The account is named by a hash, so the cookie's name does not tell which accounts used the browser.
    private string Name(string userId) =>
        $"ck_perangkat_{current.Shell.Name.ToLowerInvariant()}_{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(current.Shell.Name + "|" + userId)))[..16].ToLowerInvariant()}";
}

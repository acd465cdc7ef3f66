using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// After the e-mailed link is opened once, the proven address lives in a protected cookie scoped to the campus's
/// "Data pribadi saya" path and expiring with the link, so the token leaves the address bar and the history at once.
/// </summary>
public sealed class BuktiSurel(IDataProtectionProvider protection, CurrentShell current)
{
    private const string Cookie = "ck-subjek-data";

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("CampusKonseling.Privasi.BuktiSurel", current.Shell.Name).ToTimeLimitedDataProtector();

    private static string Path(HttpContext http) => $"{http.Request.PathBase}/data-pribadi-saya";

    public void Simpan(HttpContext http, string email, DateTimeOffset sampai) =>
        http.Response.Cookies.Append(Cookie, Protector.Protect(email, sampai), new CookieOptions
        {
            Path = Path(http), HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Expires = sampai, IsEssential = true,
        });

    /// <summary>The address proven on this browser, while its link is valid; null otherwise.</summary>
    public string? Baca(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return Protector.Unprotect(value, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

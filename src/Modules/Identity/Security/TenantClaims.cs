using System.Security.Claims;
using CampusKonseling.Identity.Data;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Identity.Security;

/// <summary>Stamps every sign-in with its campus, so a cookie is never accepted by another campus.</summary>
public sealed class TenantClaimsFactory(
    UserManager<CampusUser> users, RoleManager<CampusRole> roles, IOptions<IdentityOptions> options, CurrentShell current)
    : UserClaimsPrincipalFactory<CampusUser, CampusRole>(users, roles, options)
{
    public const string TenantClaim = "ck:tenant";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CampusUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TenantClaim, current.Shell.Name));
        if (user.FullName.Length > 0) identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FullName));
        return identity;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var current = context.HttpContext.RequestServices.GetRequiredService<CurrentShell>();
        var tenant = context.Principal?.FindFirst(TenantClaim)?.Value;
        if (!current.HasShell || !string.Equals(tenant, current.Shell.Name, StringComparison.OrdinalIgnoreCase))
        {
            context.RejectPrincipal();
            return;
        }
        if (!await StampIsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Sign-out, a password change or reset and a role change renew the account's security stamp; a cookie
    /// carrying the old one (a copy, another browser) is refused on its next request, not a minute later.
    /// One primary-key query per signed-in request.
    /// </summary>
    private static async Task<bool> StampIsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (id is null || stamp is null) return false;
        var db = context.HttpContext.RequestServices.GetRequiredService<IdentityDb>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}

/// <summary>Keeps each campus's sign-in cookie under its own name, even when campuses share a host name.</summary>
public sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Key(context, key));
    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) => _inner.AppendResponseCookie(context, Key(context, key), value, options);
    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, Key(context, key), options);

    private static string Key(HttpContext context, string key)
    {
        var current = context.RequestServices.GetRequiredService<CurrentShell>();
        return current.HasShell ? $"{key}.{current.Shell.Name.ToLowerInvariant()}" : key;
    }
}

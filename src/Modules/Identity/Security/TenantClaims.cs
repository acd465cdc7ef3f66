using System.Security.Claims;
using CampusKonseling.Identity.Data;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
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
        await SecurityStampValidator.ValidatePrincipalAsync(context);
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

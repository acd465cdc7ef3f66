using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Identity.ApiKeys;

/// <summary>Authenticates machine clients by the X-Api-Key header against the campus's active keys.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IdentityDb db, CurrentShell current)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 12 } key || !current.HasShell)
            return AuthenticateResult.NoResult();
        var prefix = key[..12];
        var candidate = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Awalan == prefix && k.DicabutPada == null, Context.RequestAborted);
        if (candidate is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(candidate.Hash), HashOf(key)))
        {
            // Successful key use is not a sign-in of its own (it would be every API request); a rejected key is.
            await SignInAudit.RecordRejectedKeyAsync(Context, prefix);
            return AuthenticateResult.Fail("Kunci API tidak dikenal atau sudah dicabut.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"apikey:{candidate.Id}"), new Claim(ClaimTypes.Name, candidate.Nama),
            new Claim(ClaimTypes.Role, candidate.Peran), new Claim(TenantClaimsFactory.TenantClaim, current.Shell.Name),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

using CampusKonseling.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Recipes;
using CampusKonseling.Identity.Security;
using CampusKonseling.Identity.Setup;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        var services = feature.Services;
        feature.AddTenantDbContext<IdentityDb>(IdentityDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddRecipeStep<RolesStep>()
            .AddRecipeStep<UsersStep>();

        services.AddIdentity<CampusUser, CampusRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddClaimsPrincipalFactory<TenantClaimsFactory>();

        // People sign in with the cookie; systems send X-Api-Key, which counts only on the campus's API
        // (TenantMiddleware has moved the campus prefix into PathBase): a key must not open staff pages.
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = "Kampus";
                o.DefaultChallengeScheme = "Kampus";
                o.DefaultForbidScheme = "Kampus";
            })
            .AddPolicyScheme("Kampus", "Kampus", o => o.ForwardDefaultSelector = c =>
                c.Request.Path.StartsWithSegments("/api") && c.Request.Headers.ContainsKey(ApiKeys.ApiKeyHandler.Header)
                    ? ApiKeys.ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeys.ApiKeyHandler>(ApiKeys.ApiKeyHandler.SchemeName, null);
        // The stamp itself is compared on every request (TenantClaimsFactory.ValidateAsync, one primary-key
        // query), so sign-out, a password change and a role change end sessions at once; this interval only
        // paces the refresh of the cookie's claims, which costs the role and claim queries.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/akun/masuk";
            o.LogoutPath = "/akun/keluar";
            o.AccessDeniedPath = "/akun/akses-ditolak";
            o.Cookie.Name = ".ck.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.CookieManager = new TenantCookieManager();
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = TenantClaimsFactory.ValidateAsync;
            // API callers get a status code, not a sign-in page.
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<PermissionService>();
        services.AddSingleton<SignIn.SignInThrottle>();
        services.AddScoped<SignIn.DeviceCookie>();
        services.AddScoped<SignIn.PasswordSignIn>();
        services.AddScoped<SignIn.Landing>();
        services.AddScoped<PasswordReset.PasswordResets>();
        services.AddScoped<Confidential.ConfidentialGrants>();
        services.AddScoped<EmailChange.EmailChangeService>();
        services.AddScoped<IConfidentialAccess, Confidential.ConfidentialAccess>();

        services.AddScoped<IPermissionService>(sp => sp.GetRequiredService<PermissionService>());
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<ITenantSetupHandler, AdministratorSetup>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<CampusKonseling.Users.IUserDirectory>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddScoped<CampusKonseling.Users.IUserLanguage>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddScoped<CampusKonseling.Users.IAccountProvisioner, AccountProvisioner>();
        services.AddScoped<CampusKonseling.Users.IStudentSignIn, StudentSignIn>();
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

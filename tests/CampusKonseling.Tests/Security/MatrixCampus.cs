using System.Security.Claims;
using System.Security.Cryptography;
using CampusKonseling.Identity.ApiKeys;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Tests.Security;

/// <summary>A campus with every optional feature on (so every route exists there) and the roles, users and keys a matrix needs, made as the admin pages make them.</summary>
public sealed class MatrixCampus(PlatformFixture platform, TestTenant campus)
{
    public const string Password = "Matriks12345";
    public TestTenant Campus => campus;

    public static async Task<MatrixCampus> CreateAsync(PlatformFixture platform, string hint, IReadOnlyList<string>? hostNames = null)
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", hint, hostNames);
        var shell = (await platform.Services.GetRequiredService<IShellHost>().GetShellAsync(campus.Name))!;
        var optional = platform.Services.GetRequiredService<IFeatureCatalog>().Features
            .Where(f => f.Feature.Availability == FeatureAvailability.Optional).Select(f => f.Feature.Id).ToList();
        var change = await platform.Services.GetRequiredService<IFeatureManager>().EnableAsync(shell, optional);
        Assert.True(change.Succeeded, change.Error);
        return new MatrixCampus(platform, campus);
    }

    public async Task<T> InCampusAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var shell = (await shells.GetShellAsync(campus.Name))!;
        await using var scope = shells.CreateScope(shell);
        return await work(scope.ServiceProvider);
    }

    public Task<IReadOnlyList<Permission>> PermissionsAsync() =>
        InCampusAsync(sp => Task.FromResult(sp.GetRequiredService<IPermissionService>().EnabledPermissions()));

    /// <summary>A role granting exactly these permissions and one user holding only that role.</summary>
    public Task<string> UserWithAsync(string role, IEnumerable<string> permissions) => InCampusAsync(async sp =>
    {
        var roles = sp.GetRequiredService<RoleManager<CampusRole>>();
        var created = new CampusRole(role);
        Assert.True((await roles.CreateAsync(created)).Succeeded);
        foreach (var permission in permissions)
            Assert.True((await roles.AddClaimAsync(created, new Claim(IdentityDb.PermissionClaim, permission))).Succeeded);
        var email = $"{Guid.NewGuid():N}@matriks.test";
        var users = sp.GetRequiredService<UserManager<CampusUser>>();
        var user = new CampusUser { UserName = email, Email = email, EmailConfirmed = true, FullName = role };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        sp.GetRequiredService<PermissionService>().Invalidate();
        return email;
    });

    /// <summary>An API key acting as the role, stored as the key page stores it (only its hash).</summary>
    public Task<string> ApiKeyAsync(string role) => InCampusAsync(async sp =>
    {
        var key = "ck_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var db = sp.GetRequiredService<IdentityDb>();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(), Nama = "Matriks", Awalan = key[..12], Hash = Convert.ToHexString(ApiKeyHandler.HashOf(key)),
            Peran = role, DibuatPada = DateTimeOffset.UtcNow, DibuatOleh = campus.AdminEmail,
        });
        await db.SaveChangesAsync();
        return key;
    });

    public async Task<TestClient> SignInAsync(string email, string password = Password)
    {
        var client = platform.Client();
        await client.SignInAsync(campus.Prefix, email, password);
        return client;
    }

    /// <summary>The sign-in cookie(s) of a client, as a Cookie header (what a thief would replay).</summary>
    public string CookieHeader(TestClient client) => string.Join("; ", client.Cookies.GetCookies(new Uri(platform.BaseAddress, $"{campus.Prefix}/"))
        .Where(c => c.Name.StartsWith(".ck.auth", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
}

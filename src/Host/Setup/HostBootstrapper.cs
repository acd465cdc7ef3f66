using System.Security.Cryptography;
using CampusKonseling.Host.Recipes;
using CampusKonseling.Host.Registry;
using CampusKonseling.Host.Shells;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Setup;

/// <summary>
/// Brings the host to a working state at start: host database and registry, the Default
/// (host administration) tenant, and, when asked, one demo campus per recipe.
/// </summary>
public sealed class HostBootstrapper(
    TenantDatabases databases, IDbContextFactory<HostDb> hostDbs, ITenantRegistry registry, TenantManager tenants,
    RecipeFolder recipes, IOptions<CampusKonselingOptions> options, ILogger<HostBootstrapper> logger)
{
    public async Task EnsureHostDatabaseAsync(CancellationToken ct)
    {
        await databases.EnsureHostDatabaseAsync(ct);
        await using var db = await hostDbs.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    public async Task EnsureDefaultTenantAsync(CancellationToken ct)
    {
        var existing = await registry.FindAsync(TenantInfo.DefaultName, ct);
        if (existing is { State: not TenantState.Uninitialized }) return;
        if (existing is null)
        {
            await registry.SaveAsync(new TenantInfo
            {
                Name = TenantInfo.DefaultName, DisplayName = "CampusKonseling", State = TenantState.Uninitialized,
                DatabaseName = databases.DatabaseNameFor("default"),
            }, ct);
        }
        var admin = options.Value.HostAdmin;
        var password = string.IsNullOrEmpty(admin.Password) ? GeneratePassword() : admin.Password;
        await using var stream = typeof(HostBootstrapper).Assembly.GetManifestResourceStream("default.recipe.json")!;
        var json = await new StreamReader(stream).ReadToEndAsync(ct);
        var result = await tenants.SetupAsync((await registry.FindAsync(TenantInfo.DefaultName, ct))!, "default.recipe.json", json, new SetupAdmin(admin.Email, password), ct);
        if (!result.Succeeded)
            throw new InvalidOperationException("Host tenant setup failed: " + string.Join("; ", result.Errors));
        if (string.IsNullOrEmpty(admin.Password))
            logger.LogWarning("Host administrator created: {Email} with generated password {Password} — change it after signing in", admin.Email, password);
    }

    public async Task EnsureDemoTenantsAsync(CancellationToken ct)
    {
        foreach (var file in recipes.Files())
        {
            var name = Path.GetFileName(file)[..^".recipe.json".Length];
            var tenant = await registry.FindAsync(name, ct);
            var adminEmail = $"admin@{name}.demo";
            if (tenant is null)
            {
                var errors = await tenants.CreateAsync(new NewTenant(name, name.ToUpperInvariant(), name, [], file), ct);
                if (errors.Count > 0) { logger.LogError("Demo tenant {Tenant} not created: {Errors}", name, string.Join(" ", errors)); continue; }
                tenant = await registry.FindAsync(name, ct);
            }
            if (tenant!.State == TenantState.Uninitialized)
            {
                var result = await tenants.SetupAsync(name, file, new SetupAdmin(adminEmail, options.Value.DemoAdminPassword), ct);
                if (!result.Succeeded) { logger.LogError("Demo tenant {Tenant} not set up: {Errors}", name, string.Join("; ", result.Errors)); continue; }
            }
            logger.LogInformation("Demo campus {Tenant}: /{Prefix} — sign in as {Email} / {Password}", name, name, adminEmail, options.Value.DemoAdminPassword);
        }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "7";
}

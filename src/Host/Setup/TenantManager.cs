using System.Text.RegularExpressions;
using CampusKonseling.Host.Features;
using CampusKonseling.Host.Recipes;
using CampusKonseling.Host.Shells;
using CampusKonseling.Recipes;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Setup;

public sealed partial class TenantManager(
    ITenantRegistry registry, TenantDatabases databases, ShellHost shells, RecipeRunner recipes,
    FeatureCatalog catalog, FeatureMigrator migrator, ILogger<TenantManager> logger) : ITenantManager
{
    private static readonly HashSet<string> ReservedPrefixes =
        ["admin", "api", "openapi", "health", "metrics", "akun", "halaman", "_content", "_theme", "error", "status"];

    [GeneratedRegex("^[a-z][a-z0-9-]{1,30}$")]
    private static partial Regex NamePattern();

    public async Task<IReadOnlyList<string>> CreateAsync(NewTenant t, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var name = t.Name.Trim().ToLowerInvariant();
        var prefix = t.UrlPrefix.Trim().Trim('/').ToLowerInvariant();
        var hosts = t.HostNames.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();

        if (!NamePattern().IsMatch(name))
            errors.Add("Nama kampus harus 2–31 karakter: huruf kecil, angka atau tanda hubung, diawali huruf.");
        if (string.IsNullOrWhiteSpace(t.DisplayName))
            errors.Add("Nama tampilan wajib diisi.");
        if (prefix.Length == 0 && hosts.Count == 0)
            errors.Add("Isi prefiks URL atau setidaknya satu nama host agar kampus dapat dibuka.");
        if (prefix.Length > 0 && !NamePattern().IsMatch(prefix))
            errors.Add("Prefiks URL harus 2–31 karakter: huruf kecil, angka atau tanda hubung.");
        if (ReservedPrefixes.Contains(prefix))
            errors.Add($"Prefiks URL '{prefix}' dipakai oleh platform; pilih yang lain.");
        var server = databases.CanonicalServer(string.IsNullOrWhiteSpace(t.Server) ? null : t.Server.Trim());
        if (server is not null && !databases.IsKnownServer(server))
            errors.Add($"Server basis data '{server}' tidak dikenal. Server yang tersedia: {string.Join(", ", databases.ServerNames)} (CampusKonseling:Servers).");
        if (server is not null && !string.IsNullOrWhiteSpace(t.ConnectionString))
            errors.Add("Pilih server basis data atau string koneksi sendiri, tidak keduanya.");

        var existing = await registry.ListAsync(ct);
        if (existing.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"Kampus dengan nama '{name}' sudah ada.");
        if (prefix.Length > 0 && existing.Any(e => e.UrlPrefix.Equals(prefix, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"Prefiks URL '{prefix}' sudah dipakai kampus lain.");
        foreach (var host in hosts.Where(h => existing.Any(e => e.HostNames.Contains(h, StringComparer.OrdinalIgnoreCase))))
            errors.Add($"Nama host '{host}' sudah dipakai kampus lain.");
        if (errors.Count > 0) return errors;

        await registry.SaveAsync(new TenantInfo
        {
            Name = name, DisplayName = t.DisplayName.Trim(), UrlPrefix = prefix, HostNames = hosts,
            State = TenantState.Uninitialized, DatabaseName = databases.DatabaseNameFor(name),
            ConnectionString = string.IsNullOrWhiteSpace(t.ConnectionString) ? null : t.ConnectionString,
            Server = server,
            RecipeName = t.RecipeFile is null ? null : Path.GetFileName(t.RecipeFile),
        }, ct);
        logger.LogInformation("Tenant {Tenant} registered", name);
        return [];
    }

    public IReadOnlyList<string> DatabaseServers => databases.ServerNames;

    public async Task<TenantCreation> CreateFromRecipeAsync(NewTenant t, SetupAdmin? admin, CancellationToken ct = default)
    {
        if (t.RecipeFile is null) return new(["Pilih resep untuk kampus ini."], []);
        var errors = await CreateAsync(t, ct);
        if (errors.Count > 0) return new(errors, []);
        var name = t.Name.Trim().ToLowerInvariant();
        try
        {
            var result = await SetupAsync(name, t.RecipeFile, admin, ct);
            if (result.Succeeded) return new([], []);
            await ForgetAsync(name);
            return new([], result.Errors);
        }
        catch
        {
            await ForgetAsync(name);
            throw;
        }
    }

    /// <summary>Removes the registry entry of a campus whose setup did not complete (its database is already dropped).</summary>
    private async Task ForgetAsync(string name)
    {
        if (await registry.FindAsync(name, CancellationToken.None) is not { State: TenantState.Uninitialized }) return;
        await registry.RemoveAsync(name, CancellationToken.None);
        logger.LogInformation("Tenant {Tenant} not created: its recipe was refused or its setup failed", name);
    }

    public async Task<RecipeResult> SetupAsync(string name, string recipeFile, SetupAdmin? admin, CancellationToken ct = default)
    {
        var tenant = await registry.FindAsync(name, ct) ?? throw new KeyNotFoundException(name);
        var file = Path.GetFileName(recipeFile);
        if (!File.Exists(recipeFile))
            return new RecipeResult([new RecipeError(file, "$", "berkas resep tidak ditemukan")]);
        var json = await File.ReadAllTextAsync(recipeFile, ct);
        return await SetupAsync(tenant, file, json, admin, ct);
    }

    internal async Task<RecipeResult> SetupAsync(TenantInfo tenant, string file, string json, SetupAdmin? admin, CancellationToken ct)
    {
        if (tenant.State != TenantState.Uninitialized)
            return new RecipeResult([new RecipeError(file, "$", $"kampus '{tenant.Name}' sudah disiapkan")]);

        // Check the recipe before a database exists, so a bad recipe leaves nothing behind.
        var validation = await recipes.ValidateForAsync(tenant, file, json);
        if (!validation.Succeeded) return validation;

        await databases.CreateAsync(tenant, ct);
        var setupTenant = tenant with { EnabledFeatures = catalog.AlwaysEnabled };
        await using var shell = shells.CreateUncached(setupTenant);
        try
        {
            await using (var scope = shells.CreateScope(shell))
                await migrator.MigrateAsync(scope.ServiceProvider, shell, setupTenant.EnabledFeatures, ct);
            await registry.SaveAsync(setupTenant, ct);

            var result = await recipes.RunAsync(shell, file, json, ct);
            if (!result.Succeeded)
            {
                await databases.DropAsync(tenant, ct);
                await registry.SaveAsync(tenant, ct);
                return result;
            }
            if (admin is not null)
            {
                await using var scope = shells.CreateScope(shell);
                foreach (var handler in scope.ServiceProvider.GetServices<ITenantSetupHandler>())
                    await handler.SetupAsync(admin, ct);
            }
        }
        catch
        {
            await shell.DisposeAsync();
            await databases.DropAsync(tenant, ct);
            await registry.SaveAsync(tenant, ct);
            throw;
        }

        var current = await registry.FindAsync(tenant.Name, ct) ?? setupTenant;
        await registry.SaveAsync(current with { State = TenantState.Running, RecipeName = file }, ct);
        await shells.ReloadAsync(tenant.Name);
        logger.LogInformation("Tenant {Tenant} set up from {Recipe}", tenant.Name, file);
        return RecipeResult.Success;
    }

    public async Task SetStateAsync(string name, TenantState state, CancellationToken ct = default)
    {
        var tenant = await registry.FindAsync(name, ct) ?? throw new KeyNotFoundException(name);
        if (tenant.IsDefault && state == TenantState.Disabled)
            throw new InvalidOperationException("The host tenant cannot be disabled.");
        if (tenant.State == TenantState.Uninitialized) return;
        await registry.SaveAsync(tenant with { State = state }, ct);
        await shells.ReloadAsync(name);
        logger.LogInformation("Tenant {Tenant} is now {State}", name, state);
    }

    public async Task DeleteAsync(string name, CancellationToken ct = default)
    {
        var tenant = await registry.FindAsync(name, ct) ?? throw new KeyNotFoundException(name);
        if (tenant.IsDefault) throw new InvalidOperationException("The host tenant cannot be deleted.");
        await shells.ReloadAsync(name);
        await databases.DropAsync(tenant, ct);
        await registry.RemoveAsync(name, ct);
        logger.LogWarning("Tenant {Tenant} deleted and its database {Database} dropped", name, tenant.DatabaseName);
    }
}

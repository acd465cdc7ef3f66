using CampusKonseling.Recipes;

namespace CampusKonseling.Shell;

public sealed record NewTenant(string Name, string DisplayName, string UrlPrefix, IReadOnlyList<string> HostNames, string? RecipeFile, string? ConnectionString = null);

/// <summary>Lifecycle of campuses: create, set up from a recipe, disable, enable, delete.</summary>
public interface ITenantManager
{
    /// <summary>Validates and registers a tenant in the Uninitialized state. Returns errors in Bahasa Indonesia.</summary>
    Task<IReadOnlyList<string>> CreateAsync(NewTenant tenant, CancellationToken ct = default);

    /// <summary>Creates the tenant's database, runs its recipe and marks it Running.</summary>
    Task<RecipeResult> SetupAsync(string name, string recipeFile, SetupAdmin? admin, CancellationToken ct = default);

    Task SetStateAsync(string name, TenantState state, CancellationToken ct = default);

    /// <summary>Removes the tenant and drops its database.</summary>
    Task DeleteAsync(string name, CancellationToken ct = default);
}

/// <summary>The first administrator of a campus, given at setup.</summary>
public sealed record SetupAdmin(string Email, string Password);

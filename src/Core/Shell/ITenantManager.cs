using CampusKonseling.Recipes;

namespace CampusKonseling.Shell;

/// <param name="Server">The database server to put the campus's database on (a name under CampusKonseling:Servers); null is the host's own.</param>
public sealed record NewTenant(string Name, string DisplayName, string UrlPrefix, IReadOnlyList<string> HostNames, string? RecipeFile, string? ConnectionString = null, string? Server = null);

/// <summary>Lifecycle of campuses: create, set up from a recipe, disable, enable, delete.</summary>
public interface ITenantManager
{
    /// <summary>Validates and registers a tenant in the Uninitialized state. Returns errors in Bahasa Indonesia.</summary>
    Task<IReadOnlyList<string>> CreateAsync(NewTenant tenant, CancellationToken ct = default);

    /// <summary>Creates the tenant's database, runs its recipe and marks it Running.</summary>
    Task<RecipeResult> SetupAsync(string name, string recipeFile, SetupAdmin? admin, CancellationToken ct = default);

    /// <summary>
    /// Registers and sets up a campus from its recipe, all or nothing: a refused name, a refused recipe or a failed setup
    /// leaves no registry entry and no database behind, so the same name can be tried again at once.
    /// </summary>
    Task<TenantCreation> CreateFromRecipeAsync(NewTenant tenant, SetupAdmin? admin, CancellationToken ct = default);

    Task SetStateAsync(string name, TenantState state, CancellationToken ct = default);

    /// <summary>The database servers a campus can be put on: "utama" (the host's own) first, then those under CampusKonseling:Servers.</summary>
    IReadOnlyList<string> DatabaseServers { get; }

    /// <summary>Removes the tenant and drops its database.</summary>
    Task DeleteAsync(string name, CancellationToken ct = default);
}

/// <summary>What creating a campus from its recipe said: the name's or address's refusals, or the recipe's errors; neither when it runs.</summary>
public sealed record TenantCreation(IReadOnlyList<string> Errors, IReadOnlyList<RecipeError> RecipeErrors)
{
    public bool Succeeded => Errors.Count == 0 && RecipeErrors.Count == 0;
}

/// <summary>The first administrator of a campus, given at setup.</summary>
public sealed record SetupAdmin(string Email, string Password);

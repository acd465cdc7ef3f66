namespace CampusKonseling.Recipes;

/// <summary>
/// Handles one named recipe step ("roles", "pages", ...). Validation sees the whole recipe
/// before anything is applied and must not touch the database; execution runs inside the
/// recipe's single transaction. Handlers are resolved before a tenant is known, so they take
/// DbContexts from <see cref="RecipeStepContext.Services"/>, not from their constructor.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    void Validate(RecipeStepContext step);

    Task ExecuteAsync(RecipeStepContext step, CancellationToken ct);
}

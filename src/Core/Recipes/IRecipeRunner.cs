using CampusKonseling.Shell;

namespace CampusKonseling.Recipes;

public sealed record RecipeHeader(string Name, string DisplayName, string? Description, string? Version);

public interface IRecipeRunner
{
    /// <summary>Reads and validates a recipe file without applying anything.</summary>
    Task<(RecipeHeader? Header, RecipeResult Result)> ValidateAsync(string file, string json, ShellContext? shell, CancellationToken ct = default);

    /// <summary>Validates, then applies all steps in one transaction; nothing changes when anything fails.</summary>
    Task<RecipeResult> RunAsync(ShellContext shell, string file, string json, CancellationToken ct = default);

    /// <summary>The recipes shipped in the platform's recipes folder.</summary>
    IReadOnlyList<RecipeFile> Available();
}

public sealed record RecipeFile(string Path, RecipeHeader Header);

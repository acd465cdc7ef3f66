namespace CampusKonseling.Recipes;

/// <summary>One problem in a recipe: which file, where in it (JSON path), and why.</summary>
public sealed record RecipeError(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}

public sealed record RecipeResult(IReadOnlyList<RecipeError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static readonly RecipeResult Success = new([]);
}

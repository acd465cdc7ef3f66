using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Recipes;

public sealed class RecipeStepContext(
    string file, string path, JsonElement recipe, JsonElement step, IServiceProvider services,
    List<RecipeError> errors, Func<DbContext, Task> enlist,
    IReadOnlyList<string> features)
{
    public string File { get; } = file;
    /// <summary>JSON path of this step in its file, e.g. <c>$.steps[2]</c>.</summary>
    public string Path { get; } = path;
    public JsonElement Step { get; } = step;
    /// <summary>The whole recipe, for checks that refer to other steps.</summary>
    public JsonElement Recipe { get; } = recipe;
    public IServiceProvider Services { get; } = services;
    public bool HasErrors => errors.Count > 0;

    /// <summary>The tenant's features once this recipe is applied.</summary>
    public IReadOnlySet<string> Features { get; } = features.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records an error at a path relative to this step ("roles[0].name").</summary>
    public void Error(string relativePath, string reason) =>
        errors.Add(new RecipeError(File, relativePath.Length == 0 ? Path : $"{Path}.{relativePath}", reason));

    /// <summary>Makes a module's DbContext take part in the recipe's transaction.</summary>
    public Task EnlistAsync(DbContext db) => enlist(db);

    /// <summary>The "name" of every element of <paramref name="arrayProperty"/> in the recipe's steps called <paramref name="stepName"/>.</summary>
    public HashSet<string> DeclaredNames(string stepName, string arrayProperty) =>
        Recipe.GetProperty("steps").EnumerateArray()
            .Where(s => s.OptionalString("name") == stepName && s.TryGetProperty(arrayProperty, out var a) && a.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty(arrayProperty).EnumerateArray())
            .Select(e => e.OptionalString("name"))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public T Read<T>(string property) =>
        Step.TryGetProperty(property, out var value)
            ? value.Deserialize<T>(RecipeJson.Options) ?? throw new JsonException($"'{property}' is empty")
            : throw new JsonException($"'{property}' is missing");
}

using System.Text.Json;

namespace CampusKonseling.Recipes;

public static class RecipeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads an array property of the step, reporting a clear error when it is missing or wrong.</summary>
    public static IReadOnlyList<JsonElement> Array(this RecipeStepContext ctx, string property)
    {
        if (!ctx.Step.TryGetProperty(property, out var value))
        {
            ctx.Error(property, $"wajib ada: daftar '{property}' tidak ditemukan");
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(property, "harus berupa daftar (array)");
            return [];
        }
        return value.EnumerateArray().ToList();
    }

    /// <summary>Reads a required, non-empty string property of an element.</summary>
    public static string? RequiredString(this RecipeStepContext ctx, JsonElement element, string path, string property)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }
        ctx.Error($"{path}.{property}", "wajib diisi dengan teks");
        return null;
    }

    public static string? OptionalString(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
}

using System.Text.Json;

namespace CampusKonseling.Recipes;

/// <summary>
/// Refuses keys a step does not read. A misspelt optional key ("opsionl") would otherwise be
/// skipped without a word and the recipe would mean something its author did not write.
/// </summary>
public static class RecipeKeys
{
    /// <summary>Refuses keys of the step object other than "name" and <paramref name="keys"/>.</summary>
    public static void AllowOnly(this RecipeStepContext step, params string[] keys) =>
        step.AllowOnly(step.Step, "", ["name", .. keys]);

    /// <summary>Refuses keys of <paramref name="element"/> (at <paramref name="path"/>, relative to the step) other than <paramref name="keys"/>.</summary>
    public static void AllowOnly(this RecipeStepContext step, JsonElement element, string path, params string[] keys)
    {
        foreach (var key in UnknownIn(element, keys))
            step.Error(path.Length == 0 ? key : $"{path}.{key}", Unknown(key, keys));
    }

    /// <summary>The keys of an object that are not in <paramref name="known"/>, compared exactly as TryGetProperty does.</summary>
    public static IEnumerable<string> UnknownIn(JsonElement element, IReadOnlyCollection<string> known) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => p.Name).Where(k => !known.Contains(k, StringComparer.Ordinal))
            : [];

    /// <summary>The reason given for an unknown key: the nearest known key when it looks like a typo, else the keys that are known.</summary>
    public static string Unknown(string key, IEnumerable<string> known)
    {
        var keys = known.Distinct().ToList();
        var nearest = keys.Select(k => (Key: k, Distance: Distance(key.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Min(2, Math.Max(1, key.Length / 3)))
            .OrderBy(k => k.Distance).Select(k => k.Key).FirstOrDefault();
        return nearest is not null
            ? $"kunci '{key}' tidak dikenal; maksud Anda '{nearest}'?"
            : $"kunci '{key}' tidak dikenal; yang dikenal: {string.Join(", ", keys)}";
    }

    /// <summary>Levenshtein distance: letters added, dropped or changed.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace CampusKonseling.Recipes;

/// <summary>
/// Reads a typed part of a step (a form, a letter template, an SOP) the way the module reads it,
/// except that unknown keys are refused by System.Text.Json itself
/// (<see cref="JsonUnmappedMemberHandling.Disallow"/>) and reported with their path and the nearest known key.
/// </summary>
public static partial class RecipeModels
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    /// <summary>
    /// The element read as <typeparamref name="T"/>, or null after recording an error at
    /// <paramref name="path"/> (relative to the step) plus the JSON path inside the element.
    /// <paramref name="what"/> names the thing in the error ("formulir", "templat").
    /// </summary>
    public static T? ReadStrict<T>(this RecipeStepContext step, JsonElement element, string path, JsonSerializerOptions options, string what) where T : class
    {
        var strict = StrictCopy(options);
        try
        {
            return element.Deserialize<T>(strict) ?? throw new JsonException("kosong");
        }
        catch (JsonException ex)
        {
            var inner = ex.Path is { Length: > 1 } p ? p[1..] : "";
            var where = path.Length == 0 ? inner.TrimStart('.') : path + inner;
            step.Error(where, UnknownKey(strict, typeof(T), inner) ?? $"{what} tidak dapat dibaca: " + ex.Message.Split(" Path:")[0]);
            return null;
        }
    }

    /// <summary>The module's own options with unknown keys refused; the module's copy is left as it is, since it may read stored JSON too.</summary>
    public static JsonSerializerOptions StrictCopy(JsonSerializerOptions options) =>
        options.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow
            ? options
            : Strict.GetValue(options, o => new JsonSerializerOptions(o) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });

    /// <summary>
    /// The reason when the path's last key is one <typeparamref name="T"/> does not have there; null when the
    /// exception was about something else (a wrong type). The type is followed along the path through the
    /// serializer's own contract, so the known keys are exactly those it reads.
    /// </summary>
    private static string? UnknownKey(JsonSerializerOptions options, Type type, string path)
    {
        var segments = Segment().Matches(path).Select(m => m.Groups["key"].Success ? m.Groups["key"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : null).ToList();
        if (segments.Count == 0 || segments[^1] is not { } last) return null;
        var info = options.GetTypeInfo(type);
        foreach (var segment in segments.SkipLast(1))
        {
            var next = segment is null ? info.ElementType
                : info.Kind == JsonTypeInfoKind.Object ? Find(info, segment, options)?.PropertyType
                : info.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType : null;
            if (next is null) return null;
            info = options.GetTypeInfo(next);
        }
        if (info.Kind != JsonTypeInfoKind.Object || Find(info, last, options) is not null) return null;
        return RecipeKeys.Unknown(last, info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name));
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string name, JsonSerializerOptions options) =>
        info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    /// <summary>One step of a System.Text.Json path: <c>.key</c>, <c>['odd key']</c> or <c>[3]</c> (no key: an array index).</summary>
    [GeneratedRegex(@"\.(?<key>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[\d+\]")]
    private static partial Regex Segment();
}

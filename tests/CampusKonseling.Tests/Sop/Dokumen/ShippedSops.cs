using System.Text.Json;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>The SOPs of the shipped recipes (recipes/*.recipe.json), by code.</summary>
public static class ShippedSops
{
    private static readonly Lazy<IReadOnlyDictionary<string, SopDefinition>> All = new(() =>
        Directory.EnumerateFiles(RepoPaths.Recipes, "*.recipe.json").Order()
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                .RootElement.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("name").GetString() == "sop")
                .SelectMany(s => s.GetProperty("sops").EnumerateArray())
                .Select(s => DefinitionJson.Deserialize(s.GetRawText())))
            .ToDictionary(s => s.Kode));

    public static SopDefinition Get(string kode) => All.Value[kode];

    public static TheoryData<string> Codes => new(All.Value.Keys);
}

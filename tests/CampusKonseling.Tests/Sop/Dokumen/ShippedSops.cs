using System.Text.Json;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// The campuses' own SOPs in the shipped recipes (recipes/*.recipe.json), by code: the ten from the seed documents. The
/// platform's SOPs for data subjects' requests and breaches (PDP-HAK, PDP-INSIDEN, in every recipe with their lanes bound to
/// that campus's roles) are not campus documents; RoundTripTests covers it recipe by recipe.
/// </summary>
public static class ShippedSops
{
    private static readonly Lazy<IReadOnlyDictionary<string, SopDefinition>> All = new(() =>
        Directory.EnumerateFiles(RepoPaths.Recipes, "*.recipe.json").Order()
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                .RootElement.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("name").GetString() == "sop")
                .SelectMany(s => s.GetProperty("sops").EnumerateArray())
                .Select(s => DefinitionJson.Deserialize(s.GetRawText())))
            .Where(s => !s.Langkah.Any(l => CampusKonseling.Privasi.SopPrivasi.Is(l.Masuk)))
            .ToDictionary(s => s.Kode));

    public static SopDefinition Get(string kode) => All.Value[kode];

    public static TheoryData<string> Codes => new(All.Value.Keys);
}

using System.Text.Json;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// The campuses' own SOPs in the shipped recipes (recipes/*.recipe.json), by code: the ten from the seed documents. The
/// platform's SOP for data subjects' requests (PDP-HAK, in every recipe with its lanes bound to that campus's roles) is not
/// a campus document; RoundTripTests covers it recipe by recipe.
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
            .Where(s => !s.Langkah.Any(l => l.Masuk.Contains(CampusKonseling.Privasi.HakSubjek.Masuk)))
            .ToDictionary(s => s.Kode));

    public static SopDefinition Get(string kode) => All.Value[kode];

    public static TheoryData<string> Codes => new(All.Value.Keys);
}

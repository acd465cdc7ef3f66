using System.Text.Json;
using CampusKonseling.Users;
using CampusKonseling.Recipes;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Runtime;

namespace CampusKonseling.Sop.Recipes;

/// <summary>
/// <c>{ "name": "sop", "sops": [ { "kode": "SOP.P2KLLK-04", "judul": "…", "pelaksana": [...], "langkah": [...] } ] }</c>.
/// Each SOP becomes a new version when it differs from the current one; running the recipe again changes nothing.
/// </summary>
public sealed class SopStep : IRecipeStep
{
    public string Name => "sop";

    public void Validate(RecipeStepContext step)
    {
        step.AllowOnly("sops");
        var sops = step.Array("sops");
        var codes = new HashSet<string>();
        var messages = DeclaredMessages(step);
        for (var i = 0; i < sops.Count; i++)
        {
            var definition = Read(step, sops[i], $"sops[{i}]");
            if (definition is null) continue;
            if (!codes.Add(definition.Kode)) step.Error($"sops[{i}].kode", $"SOP '{definition.Kode}' disebut dua kali");
            foreach (var (path, reason) in DefinitionValidator.Validate(definition)) step.Error($"sops[{i}].{path}", reason);
            var roles = step.DeclaredNames("roles", "roles");
            for (var j = 0; j < definition.Pelaksana.Count; j++)
            {
                var lane = definition.Pelaksana[j];
                // Roles made by this recipe are known now; others are checked against the campus when applied.
                if (roles.Count > 0 && lane.Peran is { } peran && !roles.Contains(peran)) step.Error($"sops[{i}].pelaksana[{j}].peran", $"peran '{lane.Peran}' tidak dibuat oleh langkah 'roles' resep ini");
            }
            var templates = LetterTemplates(step);
            foreach (var (path, templat) in LetterActions(definition))
                // Templates this recipe makes are known now; others must exist in the campus when the recipe is applied.
                if (templates.Count > 0 && !templates.Contains(templat))
                    step.Error($"sops[{i}].{path}", $"templat surat '{templat}' tidak dibuat oleh langkah 'letters' resep ini (ada: {string.Join(", ", templates.Order())})");
            for (var j = 0; j < definition.Langkah.Count; j++)
                for (var k = 0; k < definition.Langkah[j].Aksi.Count; k++)
                    if (definition.Langkah[j].Aksi[k] is { Jenis: CampusKonseling.Workflows.AksiJenis.Pesan, Templat: { Length: > 0 } templat } && !messages.Contains(templat))
                        step.Error($"sops[{i}].langkah[{j}].aksi[{k}].templat", $"templat pesan '{templat}' tidak ada di langkah 'messages' resep ini (templates[].kode)");
        }
    }

    /// <summary>The codes of the letter templates the recipe's <c>letters</c> steps make.</summary>
    private static HashSet<string> LetterTemplates(RecipeStepContext step) =>
        step.Recipe.GetProperty("steps").EnumerateArray()
            .Where(s => s.OptionalString("name") == "letters" && s.TryGetProperty("templates", out var t) && t.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty("templates").EnumerateArray())
            .Select(t => t.ValueKind == JsonValueKind.Object ? t.OptionalString("kode") : null).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<(string Path, string Templat)> LetterActions(SopDefinition definition) =>
        definition.Langkah.SelectMany((l, i) => l.Aksi.Select((a, j) => (a, j))
            .Where(x => x.a.Jenis == CampusKonseling.Workflows.AksiJenis.Surat && x.a.Templat is not null)
            .Select(x => ($"langkah[{i}].aksi[{x.j}].templat", x.a.Templat!)));

    /// <summary>The message templates the recipe writes; an SOP's message must name one of them (writing it again is harmless).</summary>
    private static HashSet<string> DeclaredMessages(RecipeStepContext step)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in step.Recipe.GetProperty("steps").EnumerateArray())
        {
            if (s.OptionalString("name") != "messages" || !s.TryGetProperty("templates", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var t in list.EnumerateArray())
                if (t.ValueKind == JsonValueKind.Object && t.OptionalString("kode") is { } kode) codes.Add(kode);
        }
        return codes;
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<SopDb>();
        await step.EnlistAsync(db);
        var directory = step.Services.GetRequiredService<IUserDirectory>();
        var catalog = step.Services.GetRequiredService<SopCatalog>();
        foreach (var element in step.Step.GetProperty("sops").EnumerateArray())
        {
            var definition = element.Deserialize<SopDefinition>(DefinitionJson.Options)!;
            foreach (var lane in definition.Pelaksana)
                if (lane.Peran is { } peran && !await directory.RoleExistsAsync(peran, ct))
                    throw new InvalidOperationException($"SOP {definition.Kode}: peran '{lane.Peran}' belum ada di kampus ini");
            var declared = LetterTemplates(step);
            var actions = LetterActions(definition).Where(a => !declared.Contains(a.Templat)).ToList();
            if (actions.Count > 0)
            {
                var letters = step.Services.GetRequiredService<CampusKonseling.Modules.ShellFeatureServices>().Contract<CampusKonseling.Documents.ILetterService>()
                    ?? throw new InvalidOperationException($"SOP {definition.Kode}: langkahnya membuat surat, tetapi fitur Surat belum aktif di kampus ini");
                var known = (await letters.TemplatesAsync(ct)).Select(t => t.Kode).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var (path, templat) in actions.Where(a => !known.Contains(a.Templat)))
                    throw new InvalidOperationException($"SOP {definition.Kode}: {path}: templat surat '{templat}' belum ada di kampus ini");
            }
            await catalog.ImportAsync(definition, $"resep {step.File}", null, ct);
        }
    }

    private static SopDefinition? Read(RecipeStepContext step, JsonElement element, string path) =>
        step.ReadStrict<SopDefinition>(element, path, DefinitionJson.Options, "SOP");
}

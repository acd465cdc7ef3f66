using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Recipes;

namespace CampusKonseling.Forms.Recipes;

/// <summary>
/// <c>{ "name": "forms", "forms": [ { "kode": "…", "judul": "…", "sop": "SOP-KODE", "isian": [ … ] } ] }</c>.
/// A changed form becomes a new version; running the recipe again changes nothing.
/// </summary>
public sealed class FormsStep : IRecipeStep
{
    public string Name => "forms";

    public void Validate(RecipeStepContext step)
    {
        step.AllowOnly("forms");
        var forms = step.Array("forms");
        var codes = new HashSet<string>();
        var sops = step.DeclaredCodes();
        for (var i = 0; i < forms.Count; i++)
        {
            if (step.ReadStrict<FormDefinition>(forms[i], $"forms[{i}]", FormJson.Options, "formulir") is not { } form) continue;
            if (!codes.Add(form.Kode)) step.Error($"forms[{i}].kode", $"formulir '{form.Kode}' disebut dua kali");
            foreach (var (path, reason) in FormValidator.Validate(form)) step.Error($"forms[{i}].{path}", reason);
            if (form.BuatAkun is { Peran.Length: > 0 } akun && step.DeclaredRoles() is { Count: > 0 } roles
                && (!roles.TryGetValue(akun.Peran, out var granted) || granted > 0))
                step.Error($"forms[{i}].buatAkun.peran", $"peran '{akun.Peran}' harus dideklarasikan di langkah 'roles' resep ini tanpa hak akses");
            if (form.Sop is { } sop && sops.Count > 0 && !sops.Contains(sop))
                step.Error($"forms[{i}].sop", $"SOP '{sop}' tidak ada di langkah 'sop' resep ini");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        await step.EnlistAsync(step.Services.GetRequiredService<FormsDb>());
        var catalog = step.Services.GetRequiredService<FormCatalog>();
        foreach (var element in step.Step.GetProperty("forms").EnumerateArray())
            await catalog.ImportAsync(element.Deserialize<FormDefinition>(FormJson.Options)!, $"resep {step.File}", ct);
    }
}

internal static class RecipeSopCodes
{
    /// <summary>SOP codes declared by the recipe's "sop" steps.</summary>
    public static HashSet<string> DeclaredCodes(this RecipeStepContext step) =>
        step.Recipe.GetProperty("steps").EnumerateArray()
            .Where(s => s.OptionalString("name") == "sop" && s.TryGetProperty("sops", out var a) && a.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty("sops").EnumerateArray())
            .Select(s => s.OptionalString("kode")).OfType<string>().ToHashSet();

    /// <summary>Roles declared by the recipe's "roles" steps, with how many permissions each grants.</summary>
    public static Dictionary<string, int> DeclaredRoles(this RecipeStepContext step) =>
        step.Recipe.GetProperty("steps").EnumerateArray()
            .Where(s => s.OptionalString("name") == "roles" && s.TryGetProperty("roles", out var a) && a.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty("roles").EnumerateArray())
            .Where(r => r.OptionalString("name") is not null)
            .GroupBy(r => r.OptionalString("name")!)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0));
}

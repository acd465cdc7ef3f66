using System.Text.Json;
using CampusKonseling.Host.Features;
using CampusKonseling.Host.Shells;
using CampusKonseling.Modules;
using CampusKonseling.Recipes;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Recipes;

/// <summary>
/// Validates a whole recipe before touching anything, then applies its steps in one
/// transaction on the tenant's database. Feature changes are saved only after that commits.
/// </summary>
public sealed class RecipeRunner(
    IServiceScopeFactory scopes, IShellHost shells, FeatureManager features, FeatureMigrator migrator,
    IEnumerable<FeatureService> registrations, ITenantRegistry registry, RecipeFolder folder, ShellAudit audit,
    ILogger<RecipeRunner> logger) : IRecipeRunner
{
    public const string FeaturesStep = "features";
    private static readonly string[] TopKeys = ["name", "displayName", "description", "version", "steps"];
    private static readonly string[] FeaturesKeys = ["name", "enable"];
    private readonly FeatureService[] _steps = registrations.Where(r => r.Kind == FeatureServiceKind.RecipeStep).ToArray();

    public async Task<(RecipeHeader? Header, RecipeResult Result)> ValidateAsync(string file, string json, ShellContext? shell, CancellationToken ct = default)
    {
        await using var scope = shell is null ? scopes.CreateAsyncScope() : shells.CreateScope(shell);
        var parsed = Parse(file, json, shell?.Tenant, scope.ServiceProvider);
        return (parsed.Header, new RecipeResult(parsed.Errors));
    }

    /// <summary>Validates a recipe for a tenant that has no running shell yet (setup).</summary>
    public async Task<RecipeResult> ValidateForAsync(TenantInfo tenant, string file, string json)
    {
        await using var scope = scopes.CreateAsyncScope();
        return new RecipeResult(Parse(file, json, tenant, scope.ServiceProvider).Errors);
    }

    public async Task<RecipeResult> RunAsync(ShellContext shell, string file, string json, CancellationToken ct = default)
    {
        await using var scope = shells.CreateScope(shell);
        var recipe = Parse(file, json, shell.Tenant, scope.ServiceProvider);
        if (recipe.Errors.Count > 0) return new RecipeResult(recipe.Errors);

        var added = recipe.Features.Where(f => !shell.IsEnabled(f)).ToList();
        await migrator.MigrateAsync(scope.ServiceProvider, shell, added, ct);

        var errors = new List<RecipeError>();
        var connection = scope.ServiceProvider.GetRequiredService<CampusKonseling.Data.TenantDbConnection>().Connection;
        await connection.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            Task Enlist(DbContext db) => db.Database.CurrentTransaction is null ? db.Database.UseTransactionAsync(tx, ct) : Task.CompletedTask;
            foreach (var step in recipe.Steps)
            {
                var ctx = new RecipeStepContext(file, step.Path, recipe.Root, step.Element, scope.ServiceProvider, errors, Enlist, recipe.Features);
                try
                {
                    await step.Handler.ExecuteAsync(ctx, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Recipe {File} failed at {Path} for tenant {Tenant}", file, step.Path, shell.Name);
                    errors.Add(new RecipeError(file, step.Path, $"gagal diterapkan: {ex.Message}"));
                }
                if (errors.Count > 0) break;
            }
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                return new RecipeResult(errors);
            }
            await tx.CommitAsync(ct);
        }

        var tenant = await registry.FindAsync(shell.Name, ct) ?? shell.Tenant;
        await registry.SaveAsync(tenant with { EnabledFeatures = recipe.Features }, ct);
        await shells.ReloadAsync(shell.Name);
        logger.LogInformation("Recipe {Recipe} applied to tenant {Tenant}", recipe.Header?.Name, shell.Name);
        // After the reload, so a recipe that enables the audit feature records its own run.
        await audit.RecordAsync(shell.Name, new CampusKonseling.Audit.AuditEvent(CampusKonseling.Audit.AuditKinds.Ubah, "resep", recipe.Header?.Name ?? file,
            $"Resep {file} dijalankan ({recipe.Steps.Count} langkah, fitur: {string.Join(", ", recipe.Features)})"), ct, during: shell);
        return RecipeResult.Success;
    }

    public IReadOnlyList<RecipeFile> Available()
    {
        var list = new List<RecipeFile>();
        foreach (var path in folder.Files())
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (ReadHeader(doc.RootElement) is { } header) list.Add(new RecipeFile(path, header));
            }
            catch (JsonException)
            {
                list.Add(new RecipeFile(path, new RecipeHeader(Path.GetFileName(path), Path.GetFileName(path), "JSON tidak valid", null)));
            }
        }
        return list;
    }

    private sealed record ParsedStep(string Path, JsonElement Element, IRecipeStep Handler);

    private sealed record ParsedRecipe(RecipeHeader? Header, List<RecipeError> Errors, IReadOnlyList<ParsedStep> Steps, IReadOnlyList<string> Features, JsonElement Root = default);

    private ParsedRecipe Parse(string file, string json, TenantInfo? tenant, IServiceProvider services)
    {
        var errors = new List<RecipeError>();
        var name = Path.GetFileName(file);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add(new RecipeError(name, $"$ (baris {ex.LineNumber + 1}, kolom {ex.BytePositionInLine + 1})", "JSON tidak valid: " + ex.Message));
            return new ParsedRecipe(null, errors, [], []);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RecipeError(name, "$", "resep harus berupa objek JSON"));
            return new ParsedRecipe(null, errors, [], []);
        }

        var header = ReadHeader(root);
        Refuse(name, "$", root, TopKeys, errors);
        if (root.OptionalString("name") is null) errors.Add(new RecipeError(name, "$.name", "wajib diisi: nama resep"));
        if (root.OptionalString("displayName") is null) errors.Add(new RecipeError(name, "$.displayName", "wajib diisi: nama tampilan resep"));
        if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new RecipeError(name, "$.steps", "wajib ada dan berupa daftar langkah"));
            return new ParsedRecipe(header, errors, [], []);
        }

        var steps = stepsElement.EnumerateArray().ToList();
        var planned = PlanFeatures(name, steps, tenant, errors);
        var handlers = _steps
            .Select(r => (Registration: r, Handler: (IRecipeStep)services.GetRequiredService(r.ImplementationType)))
            .ToList();

        var parsed = new List<ParsedStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"$.steps[{i}]";
            var stepName = steps[i].OptionalString("name");
            if (stepName is null) { errors.Add(new RecipeError(name, $"{path}.name", "wajib diisi: nama langkah")); continue; }
            if (stepName == FeaturesStep) continue;

            var match = handlers.FirstOrDefault(h => h.Handler.Name == stepName);
            if (match.Handler is null)
            {
                errors.Add(new RecipeError(name, $"{path}.name", $"tidak ada modul yang menangani langkah '{stepName}'"));
                continue;
            }
            if (!planned.Contains(match.Registration.FeatureId, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new RecipeError(name, $"{path}.name",
                    $"langkah '{stepName}' memerlukan fitur '{match.Registration.FeatureId}' yang tidak aktif; aktifkan lewat langkah 'features' terlebih dahulu"));
                continue;
            }
            match.Handler.Validate(new RecipeStepContext(name, path, root, steps[i], services, errors, _ => Task.CompletedTask, planned));
            parsed.Add(new ParsedStep(path, steps[i], match.Handler));
        }
        return new ParsedRecipe(header, errors, parsed, planned, root);
    }

    private IReadOnlyList<string> PlanFeatures(string file, List<JsonElement> steps, TenantInfo? tenant, List<RecipeError> errors)
    {
        var target = tenant ?? new TenantInfo { Name = "validate", DisplayName = "validate", DatabaseName = "validate" };
        var wanted = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].OptionalString("name") != FeaturesStep) continue;
            Refuse(file, $"$.steps[{i}]", steps[i], FeaturesKeys, errors);
            if (!steps[i].TryGetProperty("enable", out var enable) || enable.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RecipeError(file, $"$.steps[{i}].enable", "wajib berupa daftar nama fitur"));
                continue;
            }
            var j = 0;
            foreach (var f in enable.EnumerateArray())
            {
                var id = f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                features.Plan(target, id is null ? [] : [id], out var error);
                if (id is null || error is not null)
                    errors.Add(new RecipeError(file, $"$.steps[{i}].enable[{j}]", error ?? "wajib berupa nama fitur"));
                else wanted.Add(id);
                j++;
            }
        }
        return features.Plan(target, wanted, out _);
    }

    /// <summary>Keys the runner itself reads (the recipe's own, the "features" step's) are checked here; each step checks its own.</summary>
    private static void Refuse(string file, string path, JsonElement element, string[] known, List<RecipeError> errors) =>
        errors.AddRange(RecipeKeys.UnknownIn(element, known)
            .Select(key => new RecipeError(file, $"{path}.{key}", RecipeKeys.Unknown(key, known))));

    private static RecipeHeader? ReadHeader(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.OptionalString("name") is { } n
            ? new RecipeHeader(n, root.OptionalString("displayName") ?? n, root.OptionalString("description"), root.OptionalString("version"))
            : null;
}

using CampusKonseling.Recipes;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Admin.Pages;

/// <summary>Runs a recipe on this campus: one from the platform's folder, or an uploaded file.</summary>
[RequirePermission(Permissions.RunRecipes)]
public sealed class RecipesModel(CurrentShell current, IRecipeRunner recipes, IStringLocalizer<S> T) : PageModel
{
    private const long MaxUpload = 2 * 1024 * 1024;

    public IReadOnlyList<RecipeFile> Available { get; private set; } = [];
    public IReadOnlyList<RecipeError> Errors { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public void OnGet() => Available = recipes.Available();

    public async Task<IActionResult> OnPostRunAsync(string file, CancellationToken ct)
    {
        Available = recipes.Available();
        var recipe = Available.FirstOrDefault(r => Path.GetFileName(r.Path) == file);
        if (recipe is null)
        {
            ModelState.AddModelError("", T["Resep tidak ditemukan."]);
            return Page();
        }
        return await RunAsync(Path.GetFileName(recipe.Path), await System.IO.File.ReadAllTextAsync(recipe.Path, ct), ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken ct)
    {
        Available = recipes.Available();
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", T["Pilih berkas resep (.json) untuk diunggah."]);
            return Page();
        }
        if (upload.Length > MaxUpload || !upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("upload", T["Berkas resep harus berupa JSON dan paling besar 2 MB."]);
            return Page();
        }
        using var reader = new StreamReader(upload.OpenReadStream());
        return await RunAsync(Path.GetFileName(upload.FileName), await reader.ReadToEndAsync(ct), ct);
    }

    private async Task<IActionResult> RunAsync(string file, string json, CancellationToken ct)
    {
        var result = await recipes.RunAsync(current.Shell, file, json, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        Message = T["Resep {0} berhasil dijalankan.", file];
        return Redirect(Url.Content("~/admin/resep"));
    }
}

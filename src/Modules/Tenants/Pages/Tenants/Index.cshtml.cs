using System.ComponentModel.DataAnnotations;
using CampusKonseling.Recipes;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Tenants.Pages;

/// <summary>The host administrator's list of campuses, with create-and-set-up and state changes.</summary>
[RequirePermission(Permissions.ManageTenants)]
public sealed class IndexModel(ITenantRegistry registry, ITenantManager tenants, IShellHost shells, IRecipeRunner recipes, IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<TenantInfo> Tenants { get; private set; } = [];
    public IReadOnlyList<RecipeFile> Recipes { get; private set; } = [];
    public IReadOnlyList<RecipeError> RecipeErrors { get; private set; } = [];
    [BindProperty] public NewCampus Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public ShellFailure? Failure(TenantInfo t) => shells.GetFailure(t.Name);

    /// <summary>The database servers to choose from; the choice is offered only when there is more than one.</summary>
    public IReadOnlyList<string> Servers => tenants.DatabaseServers;

    public sealed class NewCampus
    {
        [Required(ErrorMessage = "Nama wajib diisi.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nama tampilan wajib diisi.")] public string DisplayName { get; set; } = "";
        public string? UrlPrefix { get; set; }
        public string? HostNames { get; set; }
        public string? Server { get; set; }
        [Required(ErrorMessage = "Pilih resep.")] public string Recipe { get; set; } = "";
        [Required(ErrorMessage = "E-mail administrator wajib diisi."), EmailAddress(ErrorMessage = "Format e-mail tidak valid.")] public string AdminEmail { get; set; } = "";
        [Required(ErrorMessage = "Kata sandi administrator wajib diisi."), MinLength(8, ErrorMessage = "Kata sandi minimal 8 karakter.")] public string AdminPassword { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var recipe = Recipes.FirstOrDefault(r => Path.GetFileName(r.Path) == Input.Recipe);
        if (recipe is null) ModelState.AddModelError("Input.Recipe", T["Pilih resep dari daftar."]);
        if (!ModelState.IsValid) return Page();

        var hosts = (Input.HostNames ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        // All or nothing: a refused recipe leaves no half-made campus to delete before trying again.
        var created = await tenants.CreateFromRecipeAsync(new NewTenant(Input.Name, Input.DisplayName, Input.UrlPrefix ?? "", hosts, recipe!.Path, Server: Input.Server),
            new SetupAdmin(Input.AdminEmail, Input.AdminPassword), ct);
        foreach (var e in created.Errors) ModelState.AddModelError("", e);
        if (!created.Succeeded)
        {
            RecipeErrors = created.RecipeErrors;
            await LoadAsync(ct);
            return Page();
        }
        Message = T["Kampus {0} dibuat dan disiapkan.", Input.DisplayName];
        return Redirect(Url.Content("~/admin/kampus"));
    }

    public async Task<IActionResult> OnPostStateAsync(string name, TenantState state, CancellationToken ct)
    {
        var tenant = await registry.FindAsync(name, ct);
        if (tenant is null || tenant.IsDefault) return NotFound();
        await tenants.SetStateAsync(name, state, ct);
        Message = state == TenantState.Disabled ? T["Kampus {0} dinonaktifkan.", tenant.DisplayName] : T["Kampus {0} diaktifkan kembali.", tenant.DisplayName];
        return Redirect(Url.Content("~/admin/kampus"));
    }

    public async Task<IActionResult> OnPostSetupAsync(string name, string recipe, CancellationToken ct)
    {
        var file = recipes.Available().FirstOrDefault(r => Path.GetFileName(r.Path) == recipe);
        if (file is null) return NotFound();
        var result = await tenants.SetupAsync(name, file.Path, null, ct);
        if (!result.Succeeded)
        {
            RecipeErrors = result.Errors;
            await LoadAsync(ct);
            return Page();
        }
        Message = T["Kampus {0} disiapkan.", name];
        return Redirect(Url.Content("~/admin/kampus"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenants = await registry.ListAsync(ct);
        Recipes = recipes.Available();
    }
}

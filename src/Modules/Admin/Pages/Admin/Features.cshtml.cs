using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Admin.Pages;

[RequirePermission(Permissions.ManageFeatures)]
public sealed class FeaturesModel(CurrentShell current, IFeatureCatalog catalog, IFeatureManager features, IStringLocalizer<S> T) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public IEnumerable<IGrouping<string, FeatureEntry>> Groups =>
        catalog.Features
            .Where(f => f.Feature.Availability != FeatureAvailability.DefaultTenantOnly || current.Shell.Tenant.IsDefault)
            .GroupBy(f => f.Module.Category)
            .OrderBy(g => g.Key);

    public bool IsEnabled(FeatureEntry f) => current.Shell.IsEnabled(f.Feature.Id);

    public string DependencyNames(FeatureEntry f) =>
        string.Join(", ", catalog.WithDependencies(f.Feature.Id).Where(d => d != f.Feature.Id).Select(d => catalog.Find(d)!.Feature.Name.ForCurrentCulture()));

    public void OnGet() { }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        var result = await features.EnableAsync(current.Shell, [id], ct);
        if (result.Succeeded)
            Message = T["Fitur diaktifkan: {0}.", string.Join(", ", result.Changed.Select(Name))];
        else Error = result.Error;
        return Redirect(Url.Content("~/admin/fitur"));
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        var result = await features.DisableAsync(current.Shell, id, ct);
        if (result.Succeeded) Message = T["Fitur dinonaktifkan: {0}.", string.Join(", ", result.Changed.Select(Name))];
        else Error = result.Error;
        return Redirect(Url.Content("~/admin/fitur"));
    }

    private string Name(string id) => catalog.Find(id)?.Feature.Name.ForCurrentCulture() ?? id;
}

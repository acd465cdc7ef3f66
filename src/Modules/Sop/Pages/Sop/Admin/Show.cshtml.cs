using System.ComponentModel.DataAnnotations;
using CampusKonseling.Security;
using CampusKonseling.Sop.Charts;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>An SOP version as its document (header block and step table), its flowchart, and its versions.</summary>
[RequirePermission(Permissions.ViewSop)]
public sealed class ShowModel(SopCatalog catalog, SopDb db, SopRuntime runtime, IPermissionService permissions, CampusKonseling.Modules.ShellFeatureServices features,
    IStringLocalizer<S> T) : PageModel
{
    public DefinitionRow Definition { get; private set; } = null!;
    public VersionRow Version { get; private set; } = null!;
    public SopDefinition Sop { get; private set; } = null!;
    public HtmlString Chart { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<(VersionRow Version, int Running)> Versions { get; private set; } = [];
    public bool CanStart { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>The campus works cases: its service SOPs start from a case (form, staff, referral), not bare from here.</summary>
    public bool WithCases => features.Contract<CampusKonseling.Cases.ICaseIntake>() is not null;

    [BindProperty, StringLength(300, ErrorMessage = "Subjek paling panjang 300 karakter.")]
    public string? Subjek { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? versi, CancellationToken ct) =>
        await LoadAsync(id, versi, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct)) return NotFound();
        if (!CanStart) return Forbid();
        if (!ModelState.IsValid) return Page();
        var result = await runtime.StartAsync(id, SopRuntime.ActorOf(User), Subjek ?? "", null, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        TempData["Message"] = T["Instans dimulai."].Value;
        return Redirect(Url.Content($"~/admin/sop/instans/{result.Instance!.Id}"));
    }

    private async Task<bool> LoadAsync(Guid id, int? versi, CancellationToken ct)
    {
        var found = await catalog.FindAsync(id, versi, ct);
        if (found is null) return false;
        (Definition, Version, Sop) = found.Value;
        Chart = new HtmlString(SopChart.Render(Sop));
        var running = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == id && i.Status == InstanceStatus.Berjalan)
            .GroupBy(i => i.Versi).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Versions = (await db.Versions.AsNoTracking().Where(v => v.DefinitionId == id).OrderByDescending(v => v.Versi).ToListAsync(ct))
            .Select(v => (v, running.GetValueOrDefault(v.Versi))).ToList();
        CanStart = await permissions.HasPermissionAsync(User, Permissions.StartSop);
        CanManage = await permissions.HasPermissionAsync(User, Permissions.ManageSop);
        return true;
    }
}

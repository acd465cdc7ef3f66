using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>A new program of one of the campus's kinds; saving it starts its SOP in the same transaction.</summary>
[RequirePermission(Permissions.ManagePrograms)]
public sealed class NewModel(ProgramCatalog catalog, IStringLocalizer<S> localizer) : ProgramFormModel(localizer)
{
    [BindProperty] public string? JenisKode { get; set; }
    public IReadOnlyList<ProgramKind> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kinds = await catalog.KindsAsync(ct);
        if (Kinds.Count == 1) JenisKode = Kinds[0].Kode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Kinds = await catalog.KindsAsync(ct);
        if (Input(JenisKode) is not { } input) return Page();
        var (id, errors) = await catalog.CreateAsync(input, User.Identity?.Name ?? "-", ct);
        if (id is null)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        TempData["Message"] = T["Program dibuat; SOP-nya sudah berjalan."].Value;
        return Redirect(Url.Content($"~/admin/program/{id}"));
    }
}

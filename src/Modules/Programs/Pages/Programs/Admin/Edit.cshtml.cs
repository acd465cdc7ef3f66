using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>A program's details changed; participants are told when its schedule or venue moves.</summary>
[RequirePermission(Permissions.ManagePrograms)]
public sealed class EditModel(ProgramCatalog catalog, ProgramEdits edits, IStringLocalizer<S> localizer) : ProgramFormModel(localizer)
{
    public ProgramRow Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row) return NotFound();
        Program = row;
        Fill(row, await catalog.SessionsAsync(id, ct), await catalog.ZoneAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row) return NotFound();
        Program = row;
        if (row.Status is ProgramStatus.Selesai or ProgramStatus.Dibatalkan)
        {
            Errors["Program"] = T["Program yang sudah selesai atau dibatalkan tidak dapat diubah."];
            return Page();
        }
        if (Input(row.JenisKode) is not { } input) return Page();
        foreach (var (k, v) in await edits.UpdateAsync(row, input, ct)) Errors[k] = v;
        if (Errors.Count > 0) return Page();
        TempData["Message"] = T["Perubahan disimpan; peserta diberi tahu bila jadwal atau tempat berubah."].Value;
        return Redirect(Url.Content($"~/admin/program/{id}"));
    }
}

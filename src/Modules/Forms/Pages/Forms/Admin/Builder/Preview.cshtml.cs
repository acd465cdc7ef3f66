using CampusKonseling.Forms.Builder;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Forms.Pages.Forms.Public;
using CampusKonseling.Security;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Pages.Forms.Admin.Builder;

/// <summary>The draft (or a published version) as requesters will see it, in the campus theme, with nothing to send.</summary>
[RequirePermission(Permissions.ManageForms)]
public sealed class PreviewModel(FormsDb db, FormDrafts drafts, ISopLauncher sops) : PageModel
{
    public FormRow Row { get; private set; } = null!;
    public FormDefinition Form { get; private set; } = null!;
    /// <summary>The published version shown, or null for the draft (or the active version when there is no draft).</summary>
    public int? Versi { get; private set; }
    public SopEntry? Sop { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kode, int? versi, CancellationToken ct)
    {
        if (await drafts.FindAsync(kode, ct) is not { } row) return NotFound();
        Row = row;
        if (versi is { } v)
        {
            var json = await db.Versions.AsNoTracking().Where(x => x.FormId == row.Id && x.Versi == v).Select(x => x.Json).FirstOrDefaultAsync(ct);
            if (json is null) return NotFound();
            (Form, Versi) = (FormJson.Deserialize(json), v);
        }
        else Form = await drafts.WorkingCopyAsync(row, ct);
        if (Form.Sop is { } sop) Sop = await sops.DescribeAsync(sop, ct);
        return Page();
    }

    public FormFieldsView Fields => new(Form, new Answers(), new Dictionary<string, PendingFile>());
}

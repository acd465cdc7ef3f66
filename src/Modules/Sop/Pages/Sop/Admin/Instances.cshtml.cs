using CampusKonseling.Security;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>An SOP's instances, newest first, paged by keyset (see <see cref="InstancePages"/>).</summary>
[RequirePermission(Permissions.ViewSop)]
public sealed class InstancesModel(SopDb db, SopCatalog catalog, SopAccess access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "berjalan";
    [BindProperty(SupportsGet = true)] public bool Terlambat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Setelah { get; set; }

    public DefinitionRow Definition { get; private set; } = null!;
    public IReadOnlyList<InstanceRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await catalog.FindAsync(id, null, ct);
        if (found is null) return NotFound();
        if (!await access.CanSeeInstancesAsync(User, found.Value.Sop)) return Forbid();
        Definition = found.Value.Definition;

        var status = Enum.TryParse<InstanceStatus>(Status, ignoreCase: true, out var parsed) ? parsed : (InstanceStatus?)null;
        var page = await InstancePages.ReadAsync(db, id, new InstancePages.Filter(status, Terlambat), Setelah, PageSize, ct);
        (Items, Total, Next) = (page.Items, page.Total, page.Next);
        return Page();
    }
}

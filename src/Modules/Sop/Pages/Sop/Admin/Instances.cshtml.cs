using CampusKonseling.Security;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>
/// An SOP's instances, newest first, with keyset paging: the next page starts after the last
/// row shown, so it stays as fast on page 2,000 as on page 1.
/// </summary>
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

        var query = db.Instances.AsNoTracking().Where(i => i.DefinitionId == id);
        if (Enum.TryParse<InstanceStatus>(Status, ignoreCase: true, out var status)) query = query.Where(i => i.Status == status);
        if (Terlambat) query = query.Where(i => i.Terlambat);
        Total = await query.CountAsync(ct);
        if (Cursor.TryParse(Setelah, out var after))
            query = query.Where(i => i.DimulaiPada < after.At || (i.DimulaiPada == after.At && i.Id.CompareTo(after.Id) < 0));
        var page = await query.OrderByDescending(i => i.DimulaiPada).ThenByDescending(i => i.Id).Take(PageSize + 1).ToListAsync(ct);
        Items = page.Take(PageSize).ToList();
        Next = page.Count > PageSize ? Cursor.Of(Items[^1]) : null;
        return Page();
    }

    private static class Cursor
    {
        public static string Of(InstanceRow row) => $"{row.DimulaiPada.UtcTicks}_{row.Id:N}";

        public static bool TryParse(string? text, out (DateTimeOffset At, Guid Id) cursor)
        {
            cursor = default;
            var parts = text?.Split('_');
            if (parts is not [var ticks, var id] || !long.TryParse(ticks, out var t) || !Guid.TryParse(id, out var g)) return false;
            cursor = (new DateTimeOffset(t, TimeSpan.Zero), g);
            return true;
        }
    }
}

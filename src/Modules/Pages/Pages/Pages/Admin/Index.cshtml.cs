using CampusKonseling.Pages.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Pages.Pages.Admin;

[RequirePermission(Permissions.ManagePages)]
public sealed class IndexModel(PagesDb db) : PageModel
{
    public IReadOnlyList<CampusPage> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Pages.AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Title).ToListAsync(ct);
}

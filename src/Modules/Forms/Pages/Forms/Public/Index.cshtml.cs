using CampusKonseling.Forms.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Pages.Forms.Public;

public sealed class IndexModel(FormsDb db) : PageModel
{
    public IReadOnlyList<FormRow> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await db.Forms.AsNoTracking().Where(f => f.VersiAktif > 0).OrderBy(f => f.Judul).ToListAsync(ct);
}

using CampusKonseling.Security;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

[RequirePermission(Permissions.ViewSop)]
public sealed class IndexModel(SopDb db) : PageModel
{
    public sealed record Row(Guid Id, string Kode, string Judul, int Versi, int Berjalan, int Terlambat);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Definitions.AsNoTracking().OrderBy(d => d.Judul)
            .Select(d => new Row(d.Id, d.Kode, d.Judul, d.VersiAktif,
                db.Instances.Count(i => i.DefinitionId == d.Id && i.Status == InstanceStatus.Berjalan),
                db.Instances.Count(i => i.DefinitionId == d.Id && i.Status == InstanceStatus.Berjalan && i.Terlambat)))
            .ToListAsync(ct);
}

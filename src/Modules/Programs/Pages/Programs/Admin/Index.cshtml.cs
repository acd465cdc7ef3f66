using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>The campus's programs, the next ones first, with where each stands and its seats.</summary>
[RequirePermission(Permissions.ViewPrograms)]
public sealed class IndexModel(ProgramsDb db, ProgramCatalog catalog, IPermissionService permissions, TimeProvider clock) : PageModel
{
    public sealed record Item(ProgramRow Program, string Status, int Terdaftar, int Menunggu, int Hadir, StepCopy? Langkah);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public bool CanManage { get; private set; }
    public string Local(DateTimeOffset? at) => Time.Format(at);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = await catalog.TimeAsync(ct);
        CanManage = await permissions.HasPermissionAsync(User, Permissions.ManagePrograms);
        var programs = await db.Programs.AsNoTracking().OrderByDescending(p => p.Mulai).Take(200).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var counts = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.ProgramId)).GroupBy(x => x.ProgramId)
            .Select(g => new { g.Key, T = g.Count(x => x.Status == StatusPeserta.Terdaftar), M = g.Count(x => x.Status == StatusPeserta.Menunggu), H = g.Count(x => x.HadirPada != null) })
            .ToDictionaryAsync(x => x.Key, ct);
        var now = clock.GetUtcNow();
        Items = programs.Select(p => new Item(p, ProgramRules.StatusOf(p, now), counts.GetValueOrDefault(p.Id)?.T ?? 0, counts.GetValueOrDefault(p.Id)?.M ?? 0,
            counts.GetValueOrDefault(p.Id)?.H ?? 0, ProgramRules.Steps(p).FirstOrDefault())).ToList();
    }
}

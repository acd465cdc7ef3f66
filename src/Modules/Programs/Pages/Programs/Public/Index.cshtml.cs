using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Pages.Programs.Public;

/// <summary>The campus's upcoming programs on its site, soonest first, with the seats left.</summary>
public sealed class IndexModel(ProgramCatalog catalog, ProgramsDb db, TimeProvider clock) : PageModel
{
    public sealed record Item(ProgramRow Program, bool Terbuka, int? SisaKursi);
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = await catalog.TimeAsync(ct);
        var programs = await catalog.UpcomingAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var taken = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.ProgramId) && x.Status == StatusPeserta.Terdaftar)
            .GroupBy(x => x.ProgramId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var now = clock.GetUtcNow();
        Items = programs.Select(p => new Item(p, ProgramRules.RegistrationOpen(p, now), p.Kapasitas is { } k ? Math.Max(0, k - taken.GetValueOrDefault(p.Id)) : null)).ToList();
    }
}

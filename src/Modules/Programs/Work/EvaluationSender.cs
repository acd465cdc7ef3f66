using CampusKonseling.Modules;
using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>After a program's last session ends, its attendees get the evaluation link without anyone pressing the button.</summary>
public sealed class EvaluationSender(ProgramsDb db, Evaluations evaluations, TimeProvider clock) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A week back is enough: an older program's participants were served by earlier rounds or the button.
        var ended = await db.Programs.AsNoTracking()
            .Where(p => p.Status != ProgramStatus.Dibatalkan && p.Selesai != null && p.Selesai < now && p.Selesai > now.AddDays(-7)
                && db.Participants.Any(x => x.ProgramId == p.Id && x.HadirPada != null && x.EvaluasiDikirimPada == null))
            .ToListAsync(ct);
        foreach (var program in ended) await evaluations.SendLinksAsync(program, ct);
    }
}

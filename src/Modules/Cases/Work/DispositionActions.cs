using CampusKonseling.Cases.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// "disposisi": done when, since the step became active, the case running the instance received a disposition from the
/// role of the step's lane (the giver) to the role of the action's <c>kepada</c> lane.
/// </summary>
public sealed class DisposisiAction(CasesDb db) : IStepAction
{
    public string Jenis => AksiJenis.Disposisi;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (context.Aksi.KepadaPeran is not { } to) return null;
        var givers = context.PelaksanaPeran.ToList();
        var d = await db.Dispositions.AsNoTracking()
            .Where(x => db.Cases.Any(c => c.Id == x.CaseId && c.SopInstanceId == context.InstanceId)
                && x.DibuatPada >= context.DiaktifkanPada && x.KepadaPeran == to && givers.Contains(x.DariPeran))
            .OrderByDescending(x => x.DibuatPada).FirstOrDefaultAsync(ct);
        return d is null ? null : $"disposisi {d.DariPeran} → {d.KepadaPeran}: {FirstWords(d.Instruksi)}";
    }

    /// <summary>The start of an instruction or report, enough to recognise it in the step's history.</summary>
    public static string FirstWords(string text, int words = 8)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= words ? string.Join(' ', parts) : string.Join(' ', parts.Take(words)) + " …";
    }
}

/// <summary>"laporDisposisi": done when a disposition addressed to the step's lane role was reported back since the step became active.</summary>
public sealed class LaporDisposisiAction(CasesDb db) : IStepAction
{
    public string Jenis => AksiJenis.LaporDisposisi;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        var receivers = context.PelaksanaPeran.ToList();
        var d = await db.Dispositions.AsNoTracking()
            .Where(x => db.Cases.Any(c => c.Id == x.CaseId && c.SopInstanceId == context.InstanceId)
                && x.Status == StatusDisposisi.Dilaporkan && x.DilaporkanPada >= context.DiaktifkanPada && receivers.Contains(x.KepadaPeran))
            .OrderByDescending(x => x.DilaporkanPada).FirstOrDefaultAsync(ct);
        return d is null ? null : $"laporan disposisi {d.DariPeran} → {d.KepadaPeran}: {DisposisiAction.FirstWords(d.Laporan ?? "")}";
    }
}

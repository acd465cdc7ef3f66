using CampusKonseling.Cases.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Steps;

/// <summary>
/// "unggah": a document of exactly the named kind uploaded on the case since the step became active. The file's name is not
/// repeated in the evidence: the SOP's history is read by more people than the case's counseling tier.
/// </summary>
public sealed class UnggahAction(CasesDb db) : IStepAction
{
    public string Jenis => AksiJenis.Unggah;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (context.Aksi.Dokumen is not { } jenis || await CaseOfInstance.FindAsync(db, context.InstanceId, ct) is not { } c) return null;
        var since = context.DiaktifkanPada;
        var doc = await db.Documents.AsNoTracking().Where(d => d.CaseId == c.Id && d.Jenis == jenis && d.Pada >= since)
            .OrderByDescending(d => d.Pada).Select(d => new { d.OlehNama }).FirstOrDefaultAsync(ct);
        return doc is null ? null : $"dokumen {jenis} diunggah oleh {doc.OlehNama}";
    }
}

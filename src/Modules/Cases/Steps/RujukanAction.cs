using CampusKonseling.Cases.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Steps;

/// <summary>"rujukan": an external referral recorded on the case since the step became active, with its letter's number.</summary>
public sealed class RujukanAction(CasesDb db) : IStepAction
{
    public string Jenis => AksiJenis.Rujukan;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (await CaseOfInstance.FindAsync(db, context.InstanceId, ct) is not { } c) return null;
        var since = context.DiaktifkanPada;
        var r = await db.Referrals.AsNoTracking().Where(x => x.CaseId == c.Id && x.DirujukPada >= since).OrderByDescending(x => x.DirujukPada).FirstOrDefaultAsync(ct);
        return r is null ? null : $"rujukan ke {r.Kepada}" + (r.NomorSurat is { } nomor ? $", surat {nomor}" : "");
    }
}

/// <summary>"hasilRujukan": an external party's result recorded since the step became active. Only that it came: the result itself is counseling content.</summary>
public sealed class HasilRujukanAction(CasesDb db) : IStepAction
{
    public string Jenis => AksiJenis.HasilRujukan;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (await CaseOfInstance.FindAsync(db, context.InstanceId, ct) is not { } c) return null;
        var since = context.DiaktifkanPada;
        var r = await db.Referrals.AsNoTracking().Where(x => x.CaseId == c.Id && x.HasilDiterimaPada >= since).OrderByDescending(x => x.HasilDiterimaPada).FirstOrDefaultAsync(ct);
        return r is null ? null : $"hasil dari {r.Kepada} dicatat";
    }
}

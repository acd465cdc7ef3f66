using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Workflows;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// Staff mark a case urgent (darurat) or no longer urgent, with a reason. The SOP learns it: decisions that route on
/// <c>darurat = ya</c> take the urgent path, and the case's time standards count on the plain clock, nights and weekends included.
/// </summary>
public sealed class Urgency(CasesDb db, ISopSteps steps, CaseAudit audit, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<string?> MarkAsync(ClaimsPrincipal user, CaseRow c, bool darurat, string? alasan, CancellationToken ct)
    {
        if (c.SopInstanceId is not { } instance) return T["Kasus ini tidak berjalan pada SOP."];
        if (string.IsNullOrWhiteSpace(alasan)) return T["Tuliskan alasan kasus ini ditandai darurat atau tidak lagi darurat."];
        if (alasan.Trim().Length > 500) return T["Alasan paling panjang 500 karakter."];
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = JenisCatatan.Catatan, Tingkat = Tingkat.Administratif,
            Isi = darurat ? T["Ditandai darurat: {0}", alasan.Trim()] : T["Tidak lagi darurat: {0}", alasan.Trim()],
            OlehId = CaseAccess.UserId(user), OlehNama = CaseTimeline.NameOf(user), Pada = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await steps.UpdateAsync(instance, new Dictionary<string, string?> { ["darurat"] = darurat ? "ya" : null }, ct);
        await audit.RecordAsync(CampusKonseling.Audit.AuditKinds.Ubah, c, $"Kasus {c.Nomor} {(darurat ? "ditandai darurat" : "tidak lagi darurat")}", ct);
        return null;
    }
}

using CampusKonseling.Cases.Data;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// konfirmasiJadwal: done when the client confirmed the case's agreement in force from their own page since the
/// step became active. A rescheduled agreement needs confirming again: the new one has no confirmation yet.
/// </summary>
public sealed class KonfirmasiJadwalAction(CasesDb db, Appointments appointments, CampusClock campusClock) : IStepAction
{
    public string Jenis => AksiJenis.KonfirmasiJadwal;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        var caseId = await db.Cases.Where(c => c.SopInstanceId == context.InstanceId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (caseId is null || await appointments.CurrentAsync(caseId.Value, ct) is not { DikonfirmasiPada: { } at } || at < context.DiaktifkanPada) return null;
        var time = await campusClock.GetAsync(ct);
        return $"dikonfirmasi klien {time.Format(at, culture: System.Globalization.CultureInfo.InvariantCulture)}";
    }
}

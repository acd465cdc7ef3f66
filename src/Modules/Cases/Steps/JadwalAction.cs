using CampusKonseling.Cases.Data;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Steps;

/// <summary>
/// "jadwal": a scheduling agreement made on the case since the step became active and still standing — its time (campus
/// time zone) and place, or online link and meeting code (never the password), e.g. IPDN's "alamat link url/kode meeting".
/// </summary>
public sealed class JadwalAction(CasesDb db, CampusClock campusClock) : IStepAction
{
    public string Jenis => AksiJenis.Jadwal;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (await CaseOfInstance.FindAsync(db, context.InstanceId, ct) is not { } c) return null;
        var since = context.DiaktifkanPada;
        var a = await db.Appointments.AsNoTracking()
            .Where(x => x.CaseId == c.Id && x.DibuatPada >= since && (x.Status == StatusJanji.Terjadwal || x.Status == StatusJanji.Selesai))
            .OrderByDescending(x => x.DibuatPada).FirstOrDefaultAsync(ct);
        if (a is null) return null;
        var time = await campusClock.GetAsync(ct);
        var where = a.Tautan is { } link ? link + (a.KodeRapat is { } kode ? $" (kode {kode})" : "") : a.Tempat;
        return $"jadwal {time.Format(a.Mulai, culture: System.Globalization.CultureInfo.InvariantCulture)} {where}";
    }
}

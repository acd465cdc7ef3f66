using CampusKonseling.Cases.Data;
using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Where a campus's cases stand now, in the demo's words: open cases by status, overdue, or referred out (waiting for the
/// external result); closed ones this semester or last (closed before <see cref="CasePlan.ArsipWeeks"/> weeks ago).
/// </summary>
public static class Tally
{
    public static async Task<IReadOnlyDictionary<Target, int>> CasesAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<CasesDb>();
        var rows = await db.Cases.AsNoTracking()
            .Select(c => new { c.Status, c.Terlambat, c.DitutupPada, Dirujuk = db.Referrals.Any(r => r.CaseId == c.Id && r.HasilDiterimaPada == null) })
            .ToListAsync(ct);
        var arsip = now.AddDays(-7 * CasePlan.ArsipWeeks);
        return Enum.GetValues<Target>().ToDictionary(t => t, t => rows.Count(c => t switch
        {
            Target.Selesai => c.Status == CaseStatus.Selesai && c.DitutupPada >= arsip,
            Target.Arsip => c.Status == CaseStatus.Selesai && c.DitutupPada < arsip,
            _ when c.Status is not (CaseStatus.Baru or CaseStatus.Berjalan) => false,
            Target.Dirujuk => c.Dirujuk,
            _ when c.Dirujuk => false,
            Target.Baru => c.Status == CaseStatus.Baru,
            Target.Terlambat => c.Status == CaseStatus.Berjalan && c.Terlambat,
            Target.Berjalan => c.Status == CaseStatus.Berjalan && !c.Terlambat,
            _ => false,
        }));
    }

    public static async Task<(int Programmes, int Registrations, int Attended)> ProgrammesAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProgramsDb>();
        return (await db.Programs.CountAsync(ct), await db.Participants.CountAsync(ct), await db.Participants.CountAsync(p => p.HadirPada != null, ct));
    }

    public static string Describe(IReadOnlyDictionary<Target, int> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}"));
}

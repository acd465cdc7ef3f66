using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>Programs' figures for the reports module: counts only, no participant named.</summary>
public sealed class ProgramReport(ProgramsDb db, TimeProvider clock) : IProgramReport
{
    public async Task<IReadOnlyList<ProgramFigures>> ProgramsAsync(DateTimeOffset dari, DateTimeOffset sampai, CancellationToken ct = default)
    {
        var programs = await db.Programs.AsNoTracking().Where(p => p.Mulai >= dari && p.Mulai < sampai).OrderBy(p => p.Mulai).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var counts = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.ProgramId)).GroupBy(x => x.ProgramId)
            .Select(g => new
            {
                Id = g.Key,
                Terdaftar = g.Count(x => x.Status == StatusPeserta.Terdaftar),
                Menunggu = g.Count(x => x.Status == StatusPeserta.Menunggu),
                Hadir = g.Count(x => x.HadirPada != null),
                Dirujuk = g.Count(x => x.CaseId != null),
            }).ToDictionaryAsync(x => x.Id, ct);
        var evals = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.ProgramId)).GroupBy(e => e.ProgramId)
            .Select(g => new { Id = g.Key, N = g.Count(), Mean = g.Average(e => (double)e.Keseluruhan) }).ToDictionaryAsync(x => x.Id, ct);
        var now = clock.GetUtcNow();
        return programs.Select(p =>
        {
            var c = counts.GetValueOrDefault(p.Id);
            var e = evals.GetValueOrDefault(p.Id);
            return new ProgramFigures(p.Id, p.Judul, p.Jenis, p.SopKode, p.Mulai, ProgramRules.StatusOf(p, now), p.Kapasitas,
                c?.Terdaftar ?? 0, c?.Menunggu ?? 0, c?.Hadir ?? 0, e?.N ?? 0, e is null ? null : Math.Round(e.Mean, 2), c?.Dirujuk ?? 0, $"admin/program/{p.Id}");
        }).ToList();
    }
}

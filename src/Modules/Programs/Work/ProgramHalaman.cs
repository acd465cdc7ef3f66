using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>A programme's SOP instance is worked on the programme's page.</summary>
public sealed class ProgramHalaman(ProgramsDb db, IStringLocalizer<S> T) : ISopHalaman
{
    public async Task<HalamanKerja?> HalamanAsync(Guid instanceId, IReadOnlyDictionary<string, string> konteks, CancellationToken ct = default) =>
        await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.SopInstanceId == instanceId, ct) is { } p
            ? new HalamanKerja(T["kegiatan program {0}", p.Judul], $"admin/program/{p.Id}") : null;
}

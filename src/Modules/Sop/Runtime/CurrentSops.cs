using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Runtime;

public sealed record CurrentSop(string Kode, string Judul, SopDefinition? Definition);

public static class CurrentSops
{
    /// <summary>
    /// The campus's SOPs (or the one with <paramref name="kode"/>) in their current versions, by code. Versions are
    /// immutable and cached by the store, so this asks the database for ids only.
    /// </summary>
    public static async Task<List<CurrentSop>> CurrentSopsAsync(this SopDb db, ISopStore store, string? kode, CancellationToken ct)
    {
        var current = await db.Definitions.AsNoTracking().Where(d => kode == null || d.Kode == kode).OrderBy(d => d.Kode)
            .Join(db.Versions.AsNoTracking(), d => new { d.Id, V = d.VersiAktif }, v => new { Id = v.DefinitionId, V = v.Versi }, (d, v) => new { d.Kode, d.Judul, VersionId = v.Id })
            .ToListAsync(ct);
        var list = new List<CurrentSop>(current.Count);
        foreach (var c in current) list.Add(new CurrentSop(c.Kode, c.Judul, (await store.VersionAsync(c.VersionId, ct))?.Definition));
        return list;
    }
}

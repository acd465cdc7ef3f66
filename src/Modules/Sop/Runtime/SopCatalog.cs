using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Runtime;

public sealed record ImportResult(Guid DefinitionId, int Versi, bool Created);

/// <summary>
/// Definitions and their versions. Importing or editing makes a new version only when the SOP
/// actually changed; running instances keep the version they started on.
/// </summary>
public sealed class SopCatalog(SopDb db, TimeProvider clock, Timers.SopSchedules schedules, CampusKonseling.Shell.CurrentShell current, CampusKonseling.Site.ISiteSettings settings)
{
    public async Task<ImportResult> ImportAsync(SopDefinition definition, string by, string? note, CancellationToken ct = default)
    {
        var json = DefinitionJson.Serialize(definition);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var now = clock.GetUtcNow();
        var row = await db.Definitions.FirstOrDefaultAsync(d => d.Kode == definition.Kode, ct);
        if (row is null)
        {
            row = new DefinitionRow { Id = Guid.CreateVersion7(now), Kode = definition.Kode, Judul = definition.Judul, DibuatPada = now };
            db.Definitions.Add(row);
        }
        else
        {
            var latest = await db.Versions.Where(v => v.DefinitionId == row.Id).OrderByDescending(v => v.Versi).FirstAsync(ct);
            if (latest.Hash == hash) return new ImportResult(row.Id, latest.Versi, false);
        }
        var versi = row.VersiAktif + 1;
        db.Versions.Add(new VersionRow
        {
            Id = Guid.CreateVersion7(now), DefinitionId = row.Id, Versi = versi, Json = json, Hash = hash,
            DibuatPada = now, DibuatOleh = by, CatatanPerubahan = note,
        });
        row.Judul = definition.Judul;
        row.VersiAktif = versi;
        await db.SaveChangesAsync(ct);
        var zone = CampusKonseling.Site.CampusClock.Zone((await settings.GetAsync(ct)).TimeZone);
        await schedules.SyncAsync(current.Shell.Name, definition, zone, ct);
        return new ImportResult(row.Id, versi, true);
    }

    /// <summary>Every SOP of the campus in its version in force, by code.</summary>
    public async Task<IReadOnlyList<(DefinitionRow Definition, SopDefinition Sop)>> InForceAsync(CancellationToken ct = default)
    {
        var rows = await (from d in db.Definitions.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on new { d.Id, Versi = d.VersiAktif } equals new { Id = v.DefinitionId, v.Versi }
                          orderby d.Kode
                          select new { d, v.Json }).ToListAsync(ct);
        return rows.Select(r => (r.d, DefinitionJson.Deserialize(r.Json))).ToList();
    }

    public async Task<(DefinitionRow Definition, VersionRow Version, SopDefinition Sop)?> FindAsync(Guid definitionId, int? versi, CancellationToken ct = default)
    {
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct);
        if (definition is null) return null;
        var wanted = versi ?? definition.VersiAktif;
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Versi == wanted, ct);
        return version is null ? null : (definition, version, DefinitionJson.Deserialize(version.Json));
    }
}

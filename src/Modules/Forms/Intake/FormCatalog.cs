using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Intake;

public sealed record FormVersion(Guid FormId, Guid VersionId, int Versi, FormDefinition Form);

/// <summary>Forms and their versions: importing a changed form makes a new version; submissions record the version they answered.</summary>
public sealed class FormCatalog(FormsDb db, TimeProvider clock)
{
    public async Task<(Guid FormId, int Versi, bool Created)> ImportAsync(FormDefinition form, string by, CancellationToken ct = default)
    {
        var json = FormJson.Serialize(form);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var row = await db.Forms.FirstOrDefaultAsync(f => f.Kode == form.Kode, ct);
        if (row is null) db.Forms.Add(row = new FormRow { Id = Guid.CreateVersion7(), Kode = form.Kode, Judul = form.Judul });
        else if (await db.Versions.Where(v => v.FormId == row.Id).OrderByDescending(v => v.Versi).Select(v => v.Hash).FirstOrDefaultAsync(ct) == hash)
            return (row.Id, row.VersiAktif, false);
        row.VersiAktif++;
        row.Judul = form.Judul;
        db.Versions.Add(new FormVersionRow { Id = Guid.CreateVersion7(), FormId = row.Id, Versi = row.VersiAktif, Json = json, Hash = hash, DibuatPada = clock.GetUtcNow(), DibuatOleh = by });
        await db.SaveChangesAsync(ct);
        return (row.Id, row.VersiAktif, true);
    }

    public async Task<FormVersion?> CurrentAsync(string kode, CancellationToken ct = default)
    {
        var found = await db.Forms.AsNoTracking().Where(f => f.Kode == kode)
            .Join(db.Versions.AsNoTracking(), f => new { f.Id, V = f.VersiAktif }, v => new { Id = v.FormId, V = v.Versi }, (f, v) => v)
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new FormVersion(found.FormId, found.Id, found.Versi, FormJson.Deserialize(found.Json));
    }

    /// <summary>Every published form in its version in force, by code.</summary>
    public async Task<IReadOnlyList<FormVersion>> InForceAsync(CancellationToken ct = default)
    {
        var rows = await db.Forms.AsNoTracking().Where(f => f.VersiAktif > 0)
            .Join(db.Versions.AsNoTracking(), f => new { f.Id, V = f.VersiAktif }, v => new { Id = v.FormId, V = v.Versi }, (f, v) => new { f.Kode, v })
            .OrderBy(x => x.Kode).ToListAsync(ct);
        return rows.Select(x => new FormVersion(x.v.FormId, x.v.Id, x.v.Versi, FormJson.Deserialize(x.v.Json))).ToList();
    }
}

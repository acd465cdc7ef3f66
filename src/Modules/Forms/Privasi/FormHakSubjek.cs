using CampusKonseling.Forms.Data;
using CampusKonseling.Privasi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Privasi;

/// <summary>
/// A person's requests under a request for erasure or withdrawal: the consents they gave are marked withdrawn. The requests
/// themselves are the start of their cases and are kept with them for the cases' retention (restricted there, not destroyed).
/// </summary>
public sealed class FormHakSubjek(FormsDb db, TimeProvider clock, IStringLocalizer<S> T) : IHakSubjekPelaksana
{
    public async Task<IReadOnlyList<string>> LaksanakanAsync(SubjekData subjek, string jenis, CancellationToken ct = default)
    {
        if (jenis is not (JenisHak.Penarikan or JenisHak.Penghapusan)) return [];
        var id = subjek.PenggunaId ?? "-";
        var email = subjek.Email.Trim().ToLower();
        var submissions = (await db.Submissions.AsNoTracking().Where(s => s.PenggunaId == id || s.Email.ToLower() == email)
            .Select(s => new { s.Id, s.PenggunaId, s.Email }).ToListAsync(ct)).Where(s => subjek.Is(s.PenggunaId, s.Email)).Select(s => s.Id).ToList();
        var consents = await db.Consents.Where(c => submissions.Contains(c.SubmissionId) && c.DitarikPada == null).ToListAsync(ct);
        if (consents.Count == 0) return [];
        var now = clock.GetUtcNow();
        foreach (var c in consents) c.DitarikPada = now;
        await db.SaveChangesAsync(ct);
        return [T["Persetujuan pada {0} permohonan formulir ditarik.", consents.Count]];
    }
}

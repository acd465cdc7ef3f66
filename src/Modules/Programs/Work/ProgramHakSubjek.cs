using CampusKonseling.Privasi;
using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// A person's programme registrations under a request: withdrawal and restriction stop every programme e-mail to them;
/// erasure also removes their name, address, NIM, phone and study programme (the registration stays as a count for reports).
/// </summary>
public sealed class ProgramHakSubjek(ProgramsDb db, TimeProvider clock, IStringLocalizer<S> T) : IHakSubjekPelaksana
{
    public async Task<IReadOnlyList<string>> LaksanakanAsync(SubjekData subjek, string jenis, CancellationToken ct = default)
    {
        var email = subjek.Email.Trim().ToLower();
        var rows = await db.Participants.Where(x => x.Email.ToLower() == email).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var now = clock.GetUtcNow();
        foreach (var r in rows)
        {
            r.PersetujuanDitarikPada ??= now;
            if (jenis != JenisHak.Penghapusan) continue;
            (r.Nama, r.Email, r.Nim, r.Telepon, r.Prodi) = ("(dihapus)", $"dihapus-{r.Id:N}@dihapus.invalid", null, null, null);
        }
        await db.SaveChangesAsync(ct);
        return [jenis == JenisHak.Penghapusan
            ? T["{0} pendaftaran program: nama, e-mail, NIM, telepon dan program studi dihapus; pendaftarannya tetap terhitung dalam laporan program.", rows.Count]
            : T["{0} pendaftaran program: tidak ada lagi e-mail program kepada Anda.", rows.Count]];
    }
}

using CampusKonseling.Cases.Data;
using CampusKonseling.Privasi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Privasi;

/// <summary>
/// A person's cases under a request for erasure, restriction or withdrawal: counseling records are kept for the archive's
/// legal retention, so they are restricted, not destroyed; the case shows it to everyone working it.
/// </summary>
public sealed class CaseHakSubjek(CasesDb db, TimeProvider clock, IStringLocalizer<S> T) : IHakSubjekPelaksana
{
    public async Task<IReadOnlyList<string>> LaksanakanAsync(SubjekData subjek, string jenis, CancellationToken ct = default)
    {
        var id = subjek.PenggunaId ?? "-";
        var email = subjek.Email.Trim().ToLower();
        var cases = (await db.Cases.Where(c => c.PenggunaId == id || (c.Email != null && c.Email.ToLower() == email)).ToListAsync(ct))
            .Where(c => subjek.Is(c.PenggunaId, c.Email)).ToList();
        var now = clock.GetUtcNow();
        foreach (var c in cases) c.DibatasiPada ??= now;
        await db.SaveChangesAsync(ct);
        return cases.Select(c => (string)T["Kasus {0} wajib disimpan selama masa retensi arsip layanan konseling: tidak dimusnahkan, tetapi pemrosesannya dibatasi sejak permintaan ini.", c.Nomor]).ToList();
    }
}

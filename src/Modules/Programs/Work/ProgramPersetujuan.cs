using CampusKonseling.Privasi;
using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// A person's programme registrations as consents: registering is agreeing to the programme's mail (ticket, schedule
/// changes, evaluation); withdrawal stops it. Matched by the address registered with, as registrations carry no account.
/// </summary>
public sealed class ProgramPersetujuan(ProgramsDb db, IStringLocalizer<S> T) : IPersetujuanSubjek
{
    public async Task<IReadOnlyList<Persetujuan>> PersetujuanAsync(SubjekData subjek, CancellationToken ct = default)
    {
        var email = subjek.Email.Trim().ToLower();
        var rows = await db.Participants.AsNoTracking().Where(p => p.Email.ToLower() == email)
            .Join(db.Programs.AsNoTracking(), p => p.ProgramId, g => g.Id, (p, g) => new { p, g.Judul, g.Id })
            .OrderBy(x => x.p.DidaftarPada).ToListAsync(ct);
        return rows.Select(x => new Persetujuan($"program:{x.Id}", T["Program {0}", x.Judul], x.p.Kode, null,
            T["Penyelenggaraan program: tiket, pemberitahuan perubahan jadwal, presensi dan evaluasi."], T["Selama program dan arsipnya"],
            x.p.DidaftarPada, T["Pendaftaran daring"], x.p.PersetujuanDitarikPada)).ToList();
    }
}

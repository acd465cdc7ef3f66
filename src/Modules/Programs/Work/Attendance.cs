using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

public sealed record CheckIn(ParticipantRow? Participant, bool SudahHadir, string? Error);

/// <summary>
/// Attendance at the door: by the participant's QR code (token), the code printed under it, or a tick in the list.
/// Checking someone in twice keeps the first time and says so; a participant of another program is refused.
/// </summary>
public sealed class Attendance(ProgramsDb db, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<CheckIn> CheckInAsync(Guid programId, string? tokenOrCode, Guid? participantId, string oleh, CancellationToken ct)
    {
        ParticipantRow? row = null;
        if (participantId is { } id) row = await db.Participants.FirstOrDefaultAsync(p => p.Id == id && p.ProgramId == programId, ct);
        else if (!string.IsNullOrWhiteSpace(tokenOrCode))
        {
            var text = tokenOrCode.Trim();
            var code = ProgramRules.NormalizeCode(text);
            row = await db.Participants.FirstOrDefaultAsync(p => p.ProgramId == programId && (p.Token == text || p.Kode == code), ct);
            if (row is null && await db.Participants.AnyAsync(p => p.Token == text, ct))
                return new(null, false, T["Kode QR ini milik peserta program lain."]);
        }
        if (row is null) return new(null, false, T["Peserta tidak ditemukan. Periksa kode, atau cari dengan nama/NIM."]);
        if (row.Status == StatusPeserta.Batal) return new(row, false, T["Pendaftaran {0} sudah dibatalkan.", row.Nama]);
        if (row.Status == StatusPeserta.Menunggu) return new(row, false, T["{0} masih di daftar tunggu, belum mendapat kursi.", row.Nama]);
        if (row.HadirPada is not null) return new(row, true, null);
        row.HadirPada = clock.GetUtcNow();
        row.HadirOleh = oleh;
        await db.SaveChangesAsync(ct);
        return new(row, false, null);
    }

    public async Task<IReadOnlyList<ParticipantRow>> SearchAsync(Guid programId, string? q, CancellationToken ct)
    {
        var query = db.Participants.AsNoTracking().Where(p => p.ProgramId == programId && p.Status != StatusPeserta.Batal);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var like = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Nama, like) || (p.Nim != null && EF.Functions.ILike(p.Nim, like)) || p.Kode == ProgramRules.NormalizeCode(text));
        }
        return await query.OrderBy(p => p.HadirPada != null).ThenBy(p => p.Nama).Take(50).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ParticipantRow>> RecentAsync(Guid programId, CancellationToken ct) =>
        await db.Participants.AsNoTracking().Where(p => p.ProgramId == programId && p.HadirPada != null).OrderByDescending(p => p.HadirPada).Take(10).ToListAsync(ct);

    public async Task<(int Hadir, int Terdaftar)> CountAsync(Guid programId, CancellationToken ct) =>
        (await db.Participants.CountAsync(p => p.ProgramId == programId && p.HadirPada != null, ct),
         await db.Participants.CountAsync(p => p.ProgramId == programId && p.Status == StatusPeserta.Terdaftar, ct));
}

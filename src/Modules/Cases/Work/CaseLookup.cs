using CampusKonseling.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>The client's view of their case: the agreed sessions (never notes), newest first; their contact for messages from SOP steps.</summary>
public sealed class CaseLookup(CasesDb db, CampusKonseling.Cases.Privacy.CounselingProtector protector) : ICaseLookup
{
    public Task<CaseClient?> ClientAsync(Guid sopInstanceId, CancellationToken ct = default) =>
        db.Cases.AsNoTracking().Where(c => c.SopInstanceId == sopInstanceId)
            .Select(c => new CaseClient(c.Nomor, c.Nama, c.Email, c.Telepon, c.KodePelacakan, c.PenggunaId)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ReleasedNote>> ReleasedAsync(string kodePelacakan, CancellationToken ct = default) =>
        (await db.Cases.AsNoTracking().Where(c => c.KodePelacakan == kodePelacakan)
            .Join(db.Entries.AsNoTracking(), c => c.Id, e => e.CaseId, (c, e) => e)
            .Where(e => e.DirilisPada != null).OrderBy(e => e.Pada).ToListAsync(ct))
        .Select(e => new ReleasedNote(e.DirilisPada!.Value, e.Terenkripsi ? protector.Unprotect(e.Isi) : e.Isi)).ToList();

    public async Task<IReadOnlyList<ClientAppointment>> AppointmentsAsync(string kodePelacakan, CancellationToken ct = default) =>
        await db.Cases.AsNoTracking().Where(c => c.KodePelacakan == kodePelacakan)
            .Join(db.Appointments.AsNoTracking(), c => c.Id, a => a.CaseId, (c, a) => new { a, c.KonselorNama })
            .Where(x => x.a.Status == StatusJanji.Terjadwal)
            .OrderBy(x => x.a.Mulai)
            .Select(x => new ClientAppointment(x.a.Mulai, x.a.DurasiMenit, x.a.Tempat, x.a.Tautan, x.a.KodeRapat, x.a.Status) { Id = x.a.Id, Konselor = x.KonselorNama })
            .ToListAsync(ct);
}

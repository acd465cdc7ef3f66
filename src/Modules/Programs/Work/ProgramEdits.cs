using CampusKonseling.Data;
using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// Changes to a program's details. Its kind (and so its SOP) stays; when the schedule or the venue moves, everyone
/// registered or waiting is e-mailed in the same transaction as the change; its SOP learns the new dates, so due times move with them.
/// </summary>
public sealed class ProgramEdits(ProgramsDb db, TenantDbConnection connection, ProgramCatalog catalog, ParticipantMail mail, ISopSteps steps)
{
    public async Task<Dictionary<string, string>> UpdateAsync(ProgramRow row, ProgramInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var zone = await catalog.ZoneAsync(ct);
        var (sessions, buka, tutup) = catalog.Validate(input, zone, errors);
        if (errors.Count > 0) return errors;
        var before = await db.Sessions.AsNoTracking().Where(s => s.ProgramId == row.Id).OrderBy(s => s.Mulai).Select(s => new { s.Mulai, s.Selesai }).ToListAsync(ct);
        var moved = !before.Select(s => (s.Mulai, s.Selesai)).SequenceEqual(sessions.OrderBy(s => s.Mulai).Select(s => (s.Mulai, s.Selesai)))
            || row.Tempat != ProgramCatalog.Trim(input.Tempat) || row.Tautan != ProgramCatalog.Trim(input.Tautan);

        await connection.OpenAsync(ct);
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            await connection.EnlistAsync(db, tx, ct);
            row.Judul = input.Judul!.Trim();
            row.Tema = ProgramCatalog.Trim(input.Tema);
            row.Narasumber = ProgramCatalog.Trim(input.Narasumber);
            row.Tempat = ProgramCatalog.Trim(input.Tempat);
            row.Tautan = ProgramCatalog.Trim(input.Tautan);
            row.Sasaran = ProgramCatalog.Trim(input.Sasaran);
            row.Kapasitas = input.Kapasitas;
            row.PendaftaranBuka = buka;
            row.PendaftaranTutup = tutup;
            row.Mulai = sessions.Min(s => s.Mulai);
            row.Selesai = sessions.Max(s => s.Selesai);
            await db.Sessions.Where(s => s.ProgramId == row.Id).ExecuteDeleteAsync(ct);
            foreach (var s in sessions) s.ProgramId = row.Id;
            db.Sessions.AddRange(sessions);
            await db.SaveChangesAsync(ct);
            if (moved)
                foreach (var p in await db.Participants.AsNoTracking().Where(p => p.ProgramId == row.Id && p.Status != StatusPeserta.Batal).ToListAsync(ct))
                    await mail.ChangedAsync(row, p, tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        mail.Wake();
        // After the commit: the SOP's own transaction recomputes due times and moves their timers; a finished SOP keeps its history.
        if (row.SopInstanceId is { } instance && !row.SopSelesai) await steps.UpdateAsync(instance, ProgramSopDates.Of(row, zone), ct);
        return errors;
    }
}

using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>Keeps each program's copy of its SOP's active steps (due times, actors), as cases do; a finished SOP finishes the program.</summary>
public sealed class ProgramSopObserver(ProgramsDb db, ProgramArchiving archiving) : ISopObserver
{
    public async Task OnChangedAsync(SopInstanceState state, CancellationToken ct = default)
    {
        var row = await db.Programs.FirstOrDefaultAsync(p => p.SopInstanceId == state.InstanceId, ct);
        if (row is null) return;
        row.SopJudul = state.SopJudul;
        row.LangkahAktif = ProgramRules.Serialize(state.Aktif.Select(a => new StepCopy(a.StepId, a.Label, a.Uraian, a.Peran, a.PenerimaTugas, a.JatuhTempo, a.Terlambat)));
        row.SopSelesai = state.Selesai || state.Dibatalkan;
        // The SOP's last steps wait for the programme's end (tidakSebelum), so a finished SOP is a finished programme:
        // the list must not show "pendaftaran" beside "SOP selesai". A cancelled SOP cancels it.
        var finishing = (state.Selesai || state.Dibatalkan) && row.Status is not (ProgramStatus.Selesai or ProgramStatus.Dibatalkan);
        if (finishing) row.Status = state.Selesai ? ProgramStatus.Selesai : ProgramStatus.Dibatalkan;
        await db.SaveChangesAsync(ct);
        // A finished programme is filed in the archive with its letters, attendance and report.
        if (finishing && row.Status == ProgramStatus.Selesai) await archiving.FileAsync(row, ct);
    }
}

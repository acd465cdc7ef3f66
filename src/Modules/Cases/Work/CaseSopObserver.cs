using CampusKonseling.Cases.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>Keeps each case's copy of its SOP's current steps, so the inbox needs no look into the SOP module.</summary>
public sealed class CaseSopObserver(CasesDb db, CaseArchiving archiving, TimeProvider clock) : ISopObserver
{
    public async Task OnChangedAsync(SopInstanceState state, CancellationToken ct = default)
    {
        var row = await db.Cases.FirstOrDefaultAsync(c => c.SopInstanceId == state.InstanceId, ct);
        if (row is null) return;
        var langkah = string.Join("; ", state.Aktif.Select(a => $"{a.Label} {a.Uraian}"));
        // The first report is the SOP's first step: the case is still new. Any later move means someone works it.
        if (row.Status == CaseStatus.Baru && row.LangkahAktif.Length > 0 && row.LangkahAktif != langkah) row.Status = CaseStatus.Berjalan;
        row.SopJudul = state.SopJudul;
        row.LangkahAktif = langkah;
        var handedOver = row.PeranAktif;
        row.PeranAktif = state.Aktif.SelectMany(a => a.Peran).Distinct().ToArray();
        // A client's step is done on the client's own page: the case waits for them, and the staff whose step came
        // before keep seeing it as waiting ("menunggu klien"), not as their task.
        row.MenungguKlien = state.Aktif.Any(a => a.Klien);
        row.PeranMenunggu = !row.MenungguKlien ? [] : handedOver.Length > 0 ? handedOver : row.PeranMenunggu;
        row.PenerimaTugas = state.Aktif.Select(a => a.PenerimaTugas).OfType<string>().Distinct().ToArray();
        row.JatuhTempo = state.Aktif.Select(a => a.JatuhTempo).Where(d => d is not null).Min();
        row.Terlambat = state.Aktif.Any(a => a.Terlambat);
        row.DiperbaruiPada = clock.GetUtcNow();
        var closing = (state.Selesai || state.Dibatalkan) && row.DitutupPada is null;
        if (state.Selesai || state.Dibatalkan)
        {
            row.Status = state.Selesai ? CaseStatus.Selesai : CaseStatus.Dibatalkan;
            row.DitutupPada ??= clock.GetUtcNow();
            row.PeranAktif = [];
            row.MenungguKlien = false;
            row.PeranMenunggu = [];
        }
        await db.SaveChangesAsync(ct);
        if (closing) await archiving.FileAsync(row, ct);
    }
}

using CampusKonseling.Direktori.Data;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Direktori.Import;

/// <summary>
/// Every five minutes per campus: wakes the worker when an import waits (queued on another node, or stalled
/// because its node stopped), and forgets used portal tokens that have expired anyway.
/// </summary>
public sealed class ImportSweep(DirectoryDb db, ImportSignal signal, CurrentShell current, TimeProvider clock) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken ct)
    {
        var stale = clock.GetUtcNow() - ImportRunner.StaleAfter;
        if (await db.ImportJobs.AnyAsync(j => j.Status == ImportStatus.Menunggu || (j.Status == ImportStatus.Berjalan && j.DenyutPada < stale), ct))
            signal.Wake(current.Shell.Name);
        var now = clock.GetUtcNow();
        await db.UsedTokens.Where(t => t.Kedaluwarsa < now).ExecuteDeleteAsync(ct);
    }
}

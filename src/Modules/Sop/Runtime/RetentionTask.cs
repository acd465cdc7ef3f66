using CampusKonseling.Modules;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// Purges the engine data (instance, active steps, history) of instances finished more than
/// the SOP's retensiHari ago. Case records are kept by the cases work, not here.
/// </summary>
public sealed class RetentionTask(SopDb db, TimeProvider clock, ILogger<RetentionTask> logger) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var current = await db.Definitions.AsNoTracking()
            .Join(db.Versions.AsNoTracking(), d => new { d.Id, V = d.VersiAktif }, v => new { Id = v.DefinitionId, V = v.Versi }, (d, v) => new { d.Id, v.Json })
            .ToListAsync(ct);
        foreach (var definition in current)
        {
            var days = DefinitionJson.Deserialize(definition.Json).RetensiHari;
            if (days is null) continue;
            var before = clock.GetUtcNow().AddDays(-days.Value);
            var purged = await db.Instances
                .Where(i => i.DefinitionId == definition.Id && i.Status != Engine.InstanceStatus.Berjalan && i.SelesaiPada < before)
                .ExecuteDeleteAsync(ct);
            if (purged > 0) logger.LogInformation("Purged {Count} finished instances of SOP {Definition} older than {Days} days", purged, definition.Id, days);
        }
    }
}

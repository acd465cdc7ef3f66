using CampusKonseling.Audit;
using CampusKonseling.Audit.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Whether a campus has its demo semester, kept in the campus's own audit trail: an entry when it starts and one when it is
/// done. A restart never writes a second semester; a campus deleted and made again gets one (its database is new).
/// </summary>
public static class DemoMarker
{
    public const string Subjek = "demo-semester";

    public enum State { None, Started, Done }

    public static async Task<State> ReadAsync(IServiceProvider services, CancellationToken ct)
    {
        var ids = await services.GetRequiredService<AuditDb>().Entries.AsNoTracking().Where(e => e.SubjekJenis == Subjek).Select(e => e.SubjekId).ToListAsync(ct);
        return ids.Contains("selesai") ? State.Done : ids.Count > 0 ? State.Started : State.None;
    }

    public static Task WriteAsync(IServiceProvider services, string id, string ringkasan, CancellationToken ct) =>
        services.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent(AuditKinds.Buat, Subjek, id, ringkasan) { Pelaku = new AuditActor(null, "demo-semester") }, ct);
}

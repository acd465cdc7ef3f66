using CampusKonseling.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// The first moment the service reached the client, for the waiting-time report: the first scheduling
/// agreement, or the first log-book or session entry staff wrote. Set once; later contacts leave it alone.
/// </summary>
public static class FirstContact
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { JenisCatatan.BukuLog, JenisCatatan.Sesi, JenisCatatan.Kesepakatan };

    public static Task RecordAsync(CasesDb db, Guid caseId, DateTimeOffset at, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId && c.KontakPertamaPada == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.KontakPertamaPada, at), ct);
}

using CampusKonseling.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Steps;

/// <summary>The case an SOP instance runs, if it runs one (a programme's instance has none): where the Cases module looks for a step's work.</summary>
public static class CaseOfInstance
{
    public static Task<CaseRow?> FindAsync(CasesDb db, Guid instanceId, CancellationToken ct) =>
        db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.SopInstanceId == instanceId, ct);
}

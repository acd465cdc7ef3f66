using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Security;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Privacy;

/// <summary>
/// Who may read a case's counseling tier: its assigned counselor (while holding CounselCases), roles granted ReadCounselingNotes by
/// name, and — for an hour after giving a written reason — a holder of BreakGlass. Nobody else, the
/// campus administrator included.
/// </summary>
public sealed class CaseAccess(IPermissionService permissions, CasesDb db, TimeProvider clock)
{
    public static readonly TimeSpan BreakGlassLasts = TimeSpan.FromHours(1);

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<bool> CanReadCounselingAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct = default)
    {
        var me = UserId(user);
        if (me.Length == 0) return false;
        // The assignment counts only while its holder is still a counselor: taking someone out of the role ends it.
        if (c.KonselorId == me && await permissions.HasPermissionAsync(user, Permissions.CounselCases)) return true;
        if (await permissions.HasPermissionAsync(user, Permissions.ReadCounselingNotes)) return true;
        return await BreakGlassActiveAsync(me, c.Id, ct);
    }

    public async Task<bool> BreakGlassActiveAsync(string userId, Guid caseId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow() - BreakGlassLasts;
        return await db.Entries.AnyAsync(e => e.CaseId == caseId && e.Jenis == JenisCatatan.BukaDarurat && e.OlehId == userId && e.Pada >= since, ct);
    }

    /// <summary>Staff who work cases see the administrative and leadership tiers; the client's own view is elsewhere.</summary>
    public Task<bool> CanWorkAsync(ClaimsPrincipal user) => permissions.HasPermissionAsync(user, Permissions.ViewCases);
}

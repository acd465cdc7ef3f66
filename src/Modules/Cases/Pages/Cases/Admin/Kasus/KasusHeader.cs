using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus;

/// <summary>
/// What every tab of a case shows at its top, and what the reader may do there: the case row (client, SOP, current step and its
/// due time are copied onto it, so the header costs no SOP query), the campus's clock (its zone and the zone's name), and the reader's rights on it.
/// </summary>
public sealed record KasusHeader(CaseRow Case, CampusTime Time, bool CanReadCounseling, bool CanBreakGlass, bool CanAssign, bool CanSeeAudit,
    bool LettersAvailable, bool HasDisposisi)
{
    /// <summary>A closed case is kept as it is: no new agreements, dispositions, referrals or assignments, only corrections.</summary>
    public bool Open => Case.Status is CaseStatus.Baru or CaseStatus.Berjalan;
    public TimeZoneInfo Zone => Time.Zone;
}

/// <summary>Loads a case's <see cref="KasusHeader"/> for the signed-in reader; each tab's page model adds only its own activity.</summary>
public sealed class KasusHeaders(CasesDb db, CaseAccess access, IPermissionService permissions, CampusClock campusClock, CaseLetters letters, ISopSteps steps)
{
    public async Task<KasusHeader?> LoadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return null;
        var time = await campusClock.GetAsync(ct);
        var counseling = await access.CanReadCounselingAsync(user, row, ct);
        var breakGlass = !counseling && await permissions.HasPermissionAsync(user, Permissions.BreakGlass);
        var assign = await permissions.HasPermissionAsync(user, Permissions.ManageCases);
        var audit = await permissions.HasPermissionAsync(user, "ViewAudit");
        // The dispositions tab only where the case's SOP gives dispositions or a chain already exists.
        var disposisi = await db.Dispositions.AnyAsync(d => d.CaseId == row.Id, ct)
            || (row.SopInstanceId is { } instance && (await steps.StepsWithAsync(instance, AksiJenis.Disposisi, ct)).Count > 0);
        return new KasusHeader(row, time, counseling, breakGlass, assign, audit, letters.Available, disposisi);
    }
}

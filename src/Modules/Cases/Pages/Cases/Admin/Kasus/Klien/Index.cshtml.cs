using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Klien;

/// <summary>The client as the case and the student directory know them; who handles the case (assignment) and whether it is urgent.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class KlienModel(KasusHeaders headers, IUserDirectory directory, CampusKonseling.Modules.ShellFeatureServices features, CaseTimeline timeline,
    Urgency urgency, IStringLocalizer<S> localizer) : KasusPage(headers, localizer)
{
    public override string Tab => "klien";
    /// <summary>The client as the campus's student directory (SIAKAD) knows them; null when not found or no directory.</summary>
    public StudentRecord? Student { get; private set; }
    public bool DirectoryChecked { get; private set; }
    public IReadOnlyList<UserRef> Counselors { get; private set; } = [];
    public string? KonselorId { get; private set; }
    public string? AlasanDarurat { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        if (Header.CanAssign) Counselors = await directory.UsersWithPermissionAsync(Permissions.CounselCases, ct);
        if (Case.Nim is { Length: > 0 } nim && features.Contract<IStudentDirectory>() is { } students)
        {
            DirectoryChecked = true;
            Student = await students.FindAsync(nim, ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTugaskanAsync(Guid id, string? konselorId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (!Header.CanAssign) return Forbid();
        KonselorId = konselorId;
        if (Counselors.FirstOrDefault(c => c.Id == konselorId) is not { } konselor)
        {
            Errors["KonselorId"] = T["Pilih konselor dari daftar."];
            return Page();
        }
        await timeline.AssignAsync(User, Case, konselor, ct);
        return Done(T["Kasus ditugaskan kepada {0}.", konselor.Nama]);
    }

    /// <summary>Marking a case urgent: those who manage cases do it, with a reason; the SOP routes and counts time accordingly.</summary>
    public async Task<IActionResult> OnPostTandaiDaruratAsync(Guid id, bool darurat, string? alasanDarurat, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (!Header.CanAssign) return Forbid();
        AlasanDarurat = alasanDarurat;
        if (await urgency.MarkAsync(User, Case, darurat, alasanDarurat, ct) is { } refusal)
        {
            Errors[nameof(AlasanDarurat)] = refusal;
            return Page();
        }
        return Done(darurat ? T["Kasus ditandai darurat; waktu baku langkahnya kini dihitung menurut jam biasa."] : T["Tanda darurat dicabut."]);
    }
}

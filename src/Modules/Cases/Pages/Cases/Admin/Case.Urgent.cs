using CampusKonseling.Cases.Work;
using Microsoft.AspNetCore.Mvc;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>Marking a case urgent: those who manage cases do it, with a reason; the SOP routes and counts time accordingly.</summary>
public sealed partial class CaseModel
{
    [BindProperty] public string? AlasanDarurat { get; set; }

    public async Task<IActionResult> OnPostTandaiDaruratAsync(Guid id, bool darurat, [FromServices] Urgency urgency, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (!CanAssign) return Forbid();
        if (await urgency.MarkAsync(User, Case, darurat, AlasanDarurat, ct) is { } refusal)
        {
            Errors[nameof(AlasanDarurat)] = refusal;
            return Page();
        }
        return Done(darurat ? T["Kasus ditandai darurat; waktu baku langkahnya kini dihitung menurut jam biasa."] : T["Tanda darurat dicabut."]);
    }
}

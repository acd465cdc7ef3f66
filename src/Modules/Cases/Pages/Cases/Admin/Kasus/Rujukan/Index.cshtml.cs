using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Rujukan;

/// <summary>Referrals to an external psychologist, psychiatrist or hospital with their numbered letter, and the result when it comes back.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class RujukanModel(KasusHeaders headers, Referrals referrals, IStringLocalizer<S> localizer) : KasusPage(headers, localizer)
{
    public override string Tab => "rujukan";
    public IReadOnlyList<ExternalReferral> ExternalReferrals { get; private set; } = [];
    public RujukInput Input { get; private set; } = new();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        ExternalReferrals = await referrals.OfAsync(Case.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRujukAsync(Guid id, RujukInput input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = input;
        if (!Open) return Closed();
        var errors = await referrals.ReferAsync(User, Case, input.ToReferral(), ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(T["Rujukan ke {0} dicatat.", input.Kepada!.Trim()]);
    }

    public async Task<IActionResult> OnPostHasilRujukanAsync(Guid id, Guid rujukan, string? hasil, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (await referrals.RecordResultAsync(User, Case, rujukan, hasil, ct) is { } refusal)
        {
            Errors["Hasil"] = refusal;
            return Page();
        }
        return Done(T["Hasil layanan eksternal dicatat sebagai catatan konseling."]);
    }
}

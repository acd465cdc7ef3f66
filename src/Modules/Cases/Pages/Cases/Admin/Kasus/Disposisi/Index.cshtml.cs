using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Disposisi;

/// <summary>The chain of leaders' dispositions, as the case's SOP steps give them: give or pass one on, report on one received.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class DisposisiModel(KasusHeaders headers, Dispositions dispositions, IStringLocalizer<S> localizer) : KasusPage(headers, localizer)
{
    public override string Tab => "disposisi";
    public IReadOnlyList<Disposition> Chain { get; private set; } = [];
    /// <summary>The dispositions the reader may give or report on now, from the case's active SOP steps.</summary>
    public DispositionWork Work { get; private set; } = DispositionWork.None;
    public DisposisiInput Input { get; private set; } = new();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        Chain = await dispositions.OfAsync(Case.Id, ct);
        Work = await dispositions.WorkAsync(User, Case, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDisposisiAsync(Guid id, DisposisiInput input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = input;
        if (!Open) return Closed();
        var errors = await dispositions.GiveAsync(User, Case, input.LangkahDisposisi, input.ToDisposition(), ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        var to = Work.Give.FirstOrDefault(g => g.StepId == input.LangkahDisposisi)?.KepadaPeran ?? Work.Give.FirstOrDefault()?.KepadaPeran ?? "";
        return Done(T["Disposisi dikirim kepada {0}.", to] + StepsDone(await dispositions.CompleteDoneStepsAsync(User, Case, ct)));
    }

    public async Task<IActionResult> OnPostLaporDisposisiAsync(Guid id, Guid disposisi, string? laporan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (await dispositions.ReportAsync(User, Case, disposisi, laporan, ct) is { } refusal)
        {
            Errors["Laporan"] = refusal;
            return Page();
        }
        return Done(T["Laporan disposisi disimpan; pemberi disposisi diberi tahu."] + StepsDone(await dispositions.CompleteDoneStepsAsync(User, Case, ct)));
    }

    private string StepsDone(IReadOnlyList<string> labels) => labels.Count == 0 ? "" : " " + T["Langkah SOP {0} selesai.", string.Join(", ", labels)];
}

using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Ringkasan;

/// <summary>
/// The case at a glance, for the one working it now: the header, the current SOP step with its action done right there, and the
/// latest of the timeline. Everything else is a tab of its own.
/// </summary>
[RequirePermission(Permissions.ViewCases)]
public sealed partial class RingkasanModel(KasusHeaders headers, LangkahKerja work, CaseTimeline timeline, IStringLocalizer<S> localizer)
    : KasusPage(headers, localizer)
{
    /// <summary>How many timeline entries the summary shows; the Catatan tab has them all.</summary>
    public const int Latest = 8;

    public override string Tab => "";
    public LangkahView Steps { get; private set; } = LangkahView.None;
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        Steps = await work.LoadAsync(User, Case, ct);
        return true;
    }

    /// <summary>The page itself, with the timeline; a handler that redirects never reads it.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Entries = await timeline.ReadAsync(User, Case, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? await ShowAsync(ct) : NotFound();
}

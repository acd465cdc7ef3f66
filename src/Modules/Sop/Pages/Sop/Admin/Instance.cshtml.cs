using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Sop.Charts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>One running SOP: its chart with done/current/overdue steps, the steps the user may complete now, and the history.</summary>
[RequirePermission(Permissions.ViewSop)]
public sealed class InstanceModel(ISopStore store, SopRuntime runtime, SopAccess access, CampusClock campusClock, CampusKonseling.Workflows.ISopSteps steps, IStringLocalizer<S> T) : PageModel
{
    public SopInstance Instance { get; private set; } = null!;
    public SopVersion Version { get; private set; } = null!;
    public HtmlString Chart { get; private set; } = HtmlString.Empty;
    /// <summary>Every time on the page in the campus's zone, with its name.</summary>
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public Actor Me => SopRuntime.ActorOf(User);
    /// <summary>The active steps with their actions' evidence and what meets their kelengkapan, by step id.</summary>
    public IReadOnlyDictionary<string, CampusKonseling.Workflows.SopLangkah> Work { get; private set; } = new Dictionary<string, CampusKonseling.Workflows.SopLangkah>();

    /// <summary>The page of the instance's subject (the case, the programme, the request), where its actions are done.</summary>
    public CampusKonseling.Workflows.HalamanKerja? Halaman { get; private set; }

    [BindProperty] public CompleteInput Input { get; set; } = new();

    public sealed class CompleteInput
    {
        public string StepId { get; set; } = "";
        public string? Pilihan { get; set; }
        public List<int> Kelengkapan { get; set; } = [];
        public string? Keluaran { get; set; }
        public string? Catatan { get; set; }
    }

    public bool MayPerform(ActiveStep active) =>
        Version.Definition.Find(active.StepId)!.Otomatis is null && SopEngine.MayPerform(Version.Definition, Version.Definition.Find(active.StepId)!, active, Me, Instance.Konteks);

    public string Local(DateTimeOffset? at) => Time.Format(at);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) => await CompleteAsync(id, skip: false, ct);

    public async Task<IActionResult> OnPostSkipAsync(Guid id, CancellationToken ct) => await CompleteAsync(id, skip: true, ct);

    private async Task<IActionResult> CompleteAsync(Guid id, bool skip, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var step = Version.Definition.Find(Input.StepId);
        if (step is null) return NotFound();
        var masukan = Input.Kelengkapan.Where(i => i >= 0 && i < step.Kelengkapan.Count).ToDictionary(i => step.Kelengkapan[i], _ => "ada");
        var keluaran = step.Output is not null && !string.IsNullOrWhiteSpace(Input.Keluaran)
            ? new Dictionary<string, string> { [step.Output] = Input.Keluaran.Trim() } : new Dictionary<string, string>();
        var result = await runtime.CompleteAsync(id, new CompleteStep(step.Id, Input.Pilihan, masukan, keluaran, Input.Catatan, skip), Me, ct);
        if (!result.Succeeded)
        {
            // The form stays as the user filled it, with the reason beside it.
            ModelState.AddModelError($"step-{step.Id}", result.Error!);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = skip ? T["Langkah {0} dilewati.", step.Label].Value : T["Langkah {0} selesai.", step.Label].Value;
        return Redirect(Url.Content($"~/admin/sop/instans/{id}"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var instance = await store.InstanceAsync(id, ct);
        if (instance is null) return NotFound();
        Version = (await store.VersionAsync(instance.VersionId, ct))!;
        if (!await access.CanSeeInstancesAsync(User, Version.Definition)) return Forbid();
        Instance = instance;
        Time = await campusClock.GetAsync(ct);
        Chart = new HtmlString(SopChart.Render(Version.Definition, ChartEndpoints.States(instance)));
        Work = (await steps.ActiveAsync(id, User, ct)).ToDictionary(s => s.StepId);
        Halaman = await runtime.HalamanAsync(instance, ct);
        return null;
    }
}

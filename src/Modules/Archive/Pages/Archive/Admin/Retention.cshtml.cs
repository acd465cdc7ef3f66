using CampusKonseling.Archive.Retention;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Archive.Pages.Archive.Admin;

/// <summary>Records past their retention, for the administrator to destroy after a typed confirmation; and the campus's default retention.</summary>
[RequirePermission(Permissions.ManageArchive)]
public sealed class RetentionModel(RetentionService retention, IStringLocalizer<S> T) : PageModel
{
    public const string Confirmation = "MUSNAHKAN";
    public IReadOnlyList<DueRecord> Due { get; private set; } = [];
    [BindProperty] public int RetensiHari { get; set; }
    [BindProperty] public List<Guid> Pilih { get; set; } = [];
    [BindProperty] public string? Konfirmasi { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    private async Task LoadAsync(CancellationToken ct, bool days = true)
    {
        Due = await retention.DueAsync(ct);
        if (days) RetensiHari = await retention.DefaultDaysAsync(ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAturAsync(CancellationToken ct)
    {
        if (RetensiHari is < 30 or > 36500)
        {
            Errors[nameof(RetensiHari)] = T["Masa simpan antara 30 dan 36.500 hari."];
            await LoadAsync(ct, days: false);
            return Page();
        }
        await retention.SetDefaultDaysAsync(RetensiHari, ct);
        Message = T["Masa simpan bawaan disimpan: {0} hari.", RetensiHari];
        return Redirect(Url.Content("~/admin/arsip/retensi"));
    }

    public async Task<IActionResult> OnPostMusnahkanAsync(CancellationToken ct)
    {
        if (Pilih.Count == 0) Errors[nameof(Pilih)] = T["Pilih catatan yang akan dimusnahkan."];
        if (Konfirmasi?.Trim() != Confirmation) Errors[nameof(Konfirmasi)] = T["Ketik {0} untuk mengonfirmasi pemusnahan.", Confirmation];
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var destroyed = await retention.DestroyAsync(Pilih, ct);
        Message = T["{0} catatan dimusnahkan; jejak audit mencatat pemusnahan ini.", destroyed];
        return Redirect(Url.Content("~/admin/arsip/retensi"));
    }
}

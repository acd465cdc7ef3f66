using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>The staff user's cases: those at a step their role performs, or assigned to them; overdue first.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class InboxModel(CaseInbox inbox, IPermissionService permissions, CampusKonseling.Site.CampusClock campusClock) : PageModel
{
    /// <summary>Due times in the campus's zone, with its name.</summary>
    public CampusKonseling.Site.CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Sop { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Terlambat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bidang { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Dari { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Sampai { get; set; }
    [BindProperty(SupportsGet = true)] public bool Semua { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cari { get; set; }
    [BindProperty(SupportsGet = true)] public string? Langkah { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int Halaman { get; set; } = 1;

    public InboxPage Result { get; private set; } = new([], 0, []);
    public bool CanSeeAll { get; private set; }
    public bool CanOpen { get; private set; }
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanSeeAll = CanOpen = await permissions.HasPermissionAsync(User, Permissions.ManageCases);
        Time = await campusClock.GetAsync(ct);
        Halaman = Math.Max(1, Halaman);
        Result = await inbox.QueryAsync(User, new InboxFilter(Sop, Status, Terlambat, Bidang, Dari, Sampai, Semua && CanSeeAll, Cari, Langkah), Halaman, PageSize, ct);
    }

    public string Link(int halaman, string? sop = null) =>
        Url.Content("~/admin/kasus") + QueryString.Create(new Dictionary<string, string?>
        {
            ["Sop"] = sop ?? Sop, ["Status"] = Status, ["Terlambat"] = Terlambat ? "true" : null, ["Bidang"] = Bidang, ["Dari"] = Dari?.ToString("yyyy-MM-dd"),
            ["Sampai"] = Sampai?.ToString("yyyy-MM-dd"), ["Semua"] = Semua ? "true" : null, ["Cari"] = Cari, ["Langkah"] = Langkah, ["halaman"] = halaman.ToString(),
        }.Where(p => p.Value is not null));
}

using CampusKonseling.Audit.Data;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Audit.Pages.Audit.Admin;

/// <summary>"Siapa melihat ini": every entry about one subject (a case, an account), newest first.</summary>
[RequirePermission(Permissions.ViewAudit)]
public sealed class SubjectModel(AuditDb db, CampusClock campusClock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public long? Sebelum { get; set; }
    public string Jenis { get; private set; } = "";
    public string Id { get; private set; } = "";
    public EntryList Entries { get; private set; } = new([], TimeZoneInfo.Utc);
    public string? Next { get; private set; }

    public async Task OnGetAsync(string jenis, string id, CancellationToken ct)
    {
        (Jenis, Id) = (jenis, id);
        var q = db.Entries.AsNoTracking().Where(e => e.SubjekJenis == jenis && e.SubjekId == id);
        if (Sebelum is { } before) q = q.Where(e => e.Urutan < before);
        var items = await q.OrderByDescending(e => e.Urutan).Take(PageSize + 1).ToListAsync(ct);
        if (items.Count > PageSize)
        {
            items.RemoveAt(PageSize);
            Next = Url.Content("~/" + EntryList.Subject(jenis, id)) + $"?sebelum={items[^1].Urutan}";
        }
        Entries = new(items, (await campusClock.GetAsync(ct)).Zone, ShowSubject: false);
    }
}

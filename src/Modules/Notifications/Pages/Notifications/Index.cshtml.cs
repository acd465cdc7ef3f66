using System.Globalization;
using System.Security.Claims;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Pages.Notifications;

/// <summary>The signed-in user's own notifications, in their language and the campus's time; nobody sees another's.</summary>
[Authorize]
public sealed class IndexModel(NotificationsDb db, KeyedTextRenderer texts, CampusClock campusClock, TimeProvider clock) : PageModel
{
    public sealed record Item(string Jenis, string Judul, string Isi, string Waktu, string? Tautan, bool Dibaca);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Items.AsNoTracking().Where(i => i.UserId == UserId).OrderByDescending(i => i.DibuatPada).ThenByDescending(i => i.Id).Take(100).ToListAsync(ct);
        var time = await campusClock.GetAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        // Notices written before they kept keys are read as stored.
        Items = rows.Select(n => new Item(n.Jenis,
            n.JudulKunci is { } judul ? texts.Render(judul, time, culture) : n.Judul,
            n.IsiKunci is { } isi ? texts.Render(isi, time, culture) : n.Isi,
            time.Format(n.DibuatPada), n.Tautan, n.DibacaPada is not null)).ToList();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Items.Where(i => i.UserId == UserId && i.DibacaPada == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.DibacaPada, now), ct);
        return Redirect(Url.Content("~/notifikasi"));
    }
}

using System.Security.Claims;
using CampusKonseling.Notifications.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Pages.Notifications;

/// <summary>The signed-in user's own notifications; nobody sees another's.</summary>
[Authorize]
public sealed class IndexModel(NotificationsDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InAppNotification> Items { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Items.AsNoTracking().Where(i => i.UserId == UserId).OrderByDescending(i => i.DibuatPada).ThenByDescending(i => i.Id).Take(100).ToListAsync(ct);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Items.Where(i => i.UserId == UserId && i.DibacaPada == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.DibacaPada, now), ct);
        return Redirect(Url.Content("~/notifikasi"));
    }
}

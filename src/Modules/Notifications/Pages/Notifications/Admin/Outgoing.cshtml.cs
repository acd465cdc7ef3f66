using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications.Pages.Notifications.Admin;

/// <summary>Messages that could not be delivered yet, with the reason, and a way to send them again.</summary>
[RequirePermission(CampusKonseling.Notifications.Permissions.ManageNotifications)]
public sealed class OutgoingModel(NotificationsDb db, IOutbox outbox, CampusKonseling.Site.CampusClock campusClock, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    /// <summary>Retry times in the campus's zone, with its name.</summary>
    public CampusKonseling.Site.CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public IReadOnlyList<OutboxMessage> Problems { get; private set; } = [];
    public int Waiting { get; private set; }
    public int SentToday { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = await campusClock.GetAsync(ct);
        var since = clock.GetUtcNow().AddDays(-1);
        Problems = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Gagal || (m.Status == OutboxStatus.Menunggu && m.Percobaan > 0))
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        Waiting = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Menunggu || m.Status == OutboxStatus.Mengirim, ct);
        SentToday = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Terkirim && m.TerkirimPada >= since, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        // Only a failed or waiting message: one being sent right now would go twice.
        var updated = await db.Outbox.Where(m => m.Id == id && (m.Status == OutboxStatus.Gagal || m.Status == OutboxStatus.Menunggu))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Menunggu).SetProperty(m => m.Percobaan, 0).SetProperty(m => m.KirimSetelah, clock.GetUtcNow()), ct);
        if (updated == 0) return NotFound();
        outbox.Wake();
        Message = T["Pesan dijadwalkan untuk dikirim ulang."];
        return Redirect(Url.Content("~/admin/pesan-keluar"));
    }
}

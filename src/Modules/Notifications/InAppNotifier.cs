using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications;

/// <summary>
/// Puts a notification in each recipient's in-app list and, for notices marked for e-mail (SOP reminders
/// and escalations), queues the same text to their e-mail through the outbox in the same save, so they
/// reach staff who are not signed in.
/// </summary>
public sealed class InAppNotifier(
    NotificationsDb db, IUserDirectory directory, OutboxSignal signal, CurrentShell current, ISiteSettings settings,
    IConfiguration configuration, TimeProvider clock, IStringLocalizer<S> T) : INotifier, INotificationInbox
{
    public async Task NotifyUsersAsync(IEnumerable<string> userIds, Notification n, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow();
        // Only notices that go out by e-mail need the campus's name and an absolute link.
        var campus = n.Surel ? await settings.GetAsync(ct) : null;
        var link = n.Surel ? Link(n.Tautan) : null;
        foreach (var user in await directory.UsersAsync(ids, ct))
        {
            db.Items.Add(new InAppNotification { UserId = user.Id, Jenis = n.Jenis, Judul = n.Judul, Isi = n.Isi, Tautan = n.Tautan, DibuatPada = now });
            if (campus is null || string.IsNullOrWhiteSpace(user.Email)) continue;
            var body = T["Yth. {0},\n\n{1}\n{2}\n\n{3}", user.Nama, n.Judul, n.Isi, campus.UnitName ?? campus.CampusName].Value;
            if (link is not null) body += "\n" + T["Buka: {0}", link].Value;
            db.Outbox.Add(new OutboxMessage
            {
                Saluran = "email", Penerima = user.Email, Judul = $"[{campus.CampusName}] {n.Judul}", Isi = body,
                Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
            });
        }
        await db.SaveChangesAsync(ct);
        if (n.Surel) signal.Wake(current.Shell.Name);
    }

    public async Task NotifyRoleAsync(string role, Notification n, CancellationToken ct = default) =>
        await NotifyUsersAsync((await directory.UsersInRoleAsync(role, ct)).Select(u => u.Id), n, ct);

    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        db.Items.CountAsync(i => i.UserId == userId && i.DibacaPada == null, ct);

    /// <summary>
    /// An absolute address for the e-mail: the campus's own host name, else the platform's public URL
    /// (CampusKonseling:PublicUrl) with the campus prefix; none when neither is known.
    /// </summary>
    private string? Link(string? path)
    {
        if (path is null) return null;
        var tenant = current.Shell.Tenant;
        if (tenant.HostNames.FirstOrDefault() is { } host) return $"https://{host}/{path.TrimStart('/')}";
        if (configuration["CampusKonseling:PublicUrl"] is { Length: > 0 } baseUrl)
            return $"{baseUrl.TrimEnd('/')}/{(tenant.UrlPrefix.Length > 0 ? tenant.UrlPrefix.Trim('/') + "/" : "")}{path.TrimStart('/')}";
        return null;
    }
}

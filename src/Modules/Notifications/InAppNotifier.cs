using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Shell;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications;

/// <summary>
/// Puts a notification in each recipient's in-app list and, for notices marked for e-mail (SOP reminders
/// and escalations), queues the same text to their e-mail through the outbox in the same save, so they
/// reach staff who are not signed in.
/// </summary>
public sealed class InAppNotifier(
    NotificationsDb db, IUserDirectory directory, OutboxSignal signal, CurrentShell current, IMessageComposer composer,
    PublicLinks links, Channels.ChannelSettingsStore channels, TimeProvider clock) : INotifier, INotificationInbox
{
    public async Task NotifyUsersAsync(IEnumerable<string> userIds, Notification n, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow();
        // Reminders and escalations also reach staff phones when the campus has a gateway.
        var gateway = n.Surel ? await channels.GetAsync(ct) : null;
        foreach (var user in await directory.UsersAsync(ids, ct))
        {
            db.Items.Add(new InAppNotification { UserId = user.Id, Jenis = n.Jenis, Judul = n.Judul, Isi = n.Isi, Tautan = n.Tautan, DibuatPada = now });
            if (gateway is { GatewayReady: true } && !string.IsNullOrWhiteSpace(user.Telepon))
                db.Outbox.Add(new OutboxMessage
                {
                    Saluran = gateway.GatewayJenis, Penerima = user.Telepon, Judul = n.Judul, Isi = $"{n.Judul}: {n.Isi}",
                    Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
                });
            if (!n.Surel || string.IsNullOrWhiteSpace(user.Email)) continue;
            var mail = await composer.ComposeAsync(Templates.NotificationTemplates.PemberitahuanStaf, new Dictionary<string, string>
            {
                ["nama"] = user.Nama, ["judul"] = n.Judul, ["isi"] = n.Isi, ["tautan"] = links.Absolute(n.Tautan) ?? "",
            }, ct);
            db.Outbox.Add(new OutboxMessage
            {
                Saluran = "email", Penerima = user.Email, Judul = mail.Judul, Isi = mail.Isi,
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
}

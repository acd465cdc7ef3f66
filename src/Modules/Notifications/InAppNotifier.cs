using System.Data.Common;
using CampusKonseling.Modules;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications;

/// <summary>
/// Puts a notification in each recipient's in-app list, kept as keys with values so it is read in the reader's language;
/// for notices marked for e-mail (SOP reminders and escalations) it queues the text, written in the recipient's own
/// language (the one they chose, else the campus's), to their e-mail through the outbox in the same save, so they reach
/// staff who are not signed in. The mail's link is absolute; without one it leads to the reader's notifications.
/// </summary>
public sealed class InAppNotifier(
    NotificationsDb db, IUserDirectory directory, OutboxSignal signal, CurrentShell current, IMessageComposer composer, KeyedTextRenderer texts,
    PublicLinks links, Channels.ChannelSettingsStore channels, ISiteSettings site, CampusClock campusClock, TimeProvider clock) : INotifier, INotificationInbox
{
    public const string ListPath = "notifikasi";

    public async Task NotifyUsersAsync(IEnumerable<string> userIds, Notification n, CancellationToken ct = default, DbTransaction? transaction = null)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow();
        var campus = await site.GetAsync(ct);
        var time = campusClock.For(campus);
        var indonesian = CultureScope.Of("id-ID");
        var judul = texts.Render(n.Judul, time, indonesian);
        var isi = texts.Render(n.Isi, time, indonesian);
        // Reminders and escalations also reach staff phones when the campus has a gateway.
        var gateway = n.Surel ? await channels.GetAsync(ct) : null;
        foreach (var user in await directory.UsersAsync(ids, ct))
        {
            db.Items.Add(new InAppNotification
            {
                UserId = user.Id, Jenis = n.Jenis, Judul = Clip(judul, 300), Isi = isi, JudulKunci = n.Judul, IsiKunci = n.Isi, Tautan = n.Tautan, DibuatPada = now,
            });
            if (!n.Surel) continue;
            var culture = CultureScope.Of(user.Bahasa ?? campus.DefaultCulture);
            var (title, text) = (texts.Render(n.Judul, time, culture), texts.Render(n.Isi, time, culture));
            if (gateway is { GatewayReady: true } && !string.IsNullOrWhiteSpace(user.Telepon))
                db.Outbox.Add(new OutboxMessage
                {
                    Saluran = gateway.GatewayJenis, Penerima = user.Telepon, Judul = Clip(title, 300), Isi = $"{title}: {text}",
                    Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
                });
            if (string.IsNullOrWhiteSpace(user.Email)) continue;
            var mail = await composer.ComposeAsync(Templates.NotificationTemplates.PemberitahuanStaf, new Dictionary<string, string>
            {
                ["nama"] = user.Nama, ["judul"] = title, ["isi"] = text, ["tautan"] = links.Absolute(n.Tautan ?? ListPath) ?? "",
            }, ct, culture);
            db.Outbox.Add(new OutboxMessage
            {
                Saluran = "email", Penerima = user.Email, Judul = Clip(mail.Judul, 300), Isi = mail.Isi,
                Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
            });
        }
        if (transaction is null || db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            if (n.Surel && transaction is null) signal.Wake(current.Shell.Name);
            return;
        }
        await db.Database.UseTransactionAsync(transaction, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
        }
    }

    public async Task NotifyRoleAsync(string role, Notification n, CancellationToken ct = default, DbTransaction? transaction = null) =>
        await NotifyUsersAsync((await directory.UsersInRoleAsync(role, ct)).Select(u => u.Id), n, ct, transaction);

    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        db.Items.CountAsync(i => i.UserId == userId && i.DibacaPada == null, ct);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

using CampusKonseling.Users;
using CampusKonseling.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications;

/// <summary>Stores notifications in each recipient's in-app list.</summary>
public sealed class InAppNotifier(NotificationsDb db, IUserDirectory directory, TimeProvider clock) : INotifier, INotificationInbox
{
    public async Task NotifyUsersAsync(IEnumerable<string> userIds, Notification n, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var id in userIds.Distinct())
            db.Items.Add(new InAppNotification { UserId = id, Jenis = n.Jenis, Judul = n.Judul, Isi = n.Isi, Tautan = n.Tautan, DibuatPada = now });
        await db.SaveChangesAsync(ct);
    }

    public async Task NotifyRoleAsync(string role, Notification n, CancellationToken ct = default) =>
        await NotifyUsersAsync((await directory.UsersInRoleAsync(role, ct)).Select(u => u.Id), n, ct);

    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        db.Items.CountAsync(i => i.UserId == userId && i.DibacaPada == null, ct);
}

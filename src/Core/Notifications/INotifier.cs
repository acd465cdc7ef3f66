using System.Data.Common;

namespace CampusKonseling.Notifications;

/// <summary>
/// Something a user should know: shown in their in-app list; with <paramref name="Surel"/> also sent to
/// their e-mail through the outbox (reminders and escalations — not every new task, which would flood
/// a whole role's mailboxes at intake peaks). Its title and text are kept as keys with values (<see cref="KeyedText"/>, made with
/// <c>T.Keyed(…)</c>), so each reader sees them in their own language; <paramref name="Tautan"/> is a path inside the campus
/// ("admin/kasus/…"), made absolute for the e-mail.
/// </summary>
public sealed record Notification(string Jenis, KeyedText Judul, KeyedText Isi, string? Tautan = null, bool Surel = false);

/// <summary>
/// The one way modules notify people of the current campus. Given the caller's <c>transaction</c> (on the scope's shared
/// connection), the notices and their mail are written in it, so they exist if and only if the caller's change does; the
/// outbox is then not woken: the caller calls <see cref="IOutbox.Wake"/> once it has committed.
/// </summary>
public interface INotifier
{
    Task NotifyUsersAsync(IEnumerable<string> userIds, Notification notification, CancellationToken ct = default, DbTransaction? transaction = null);
    Task NotifyRoleAsync(string role, Notification notification, CancellationToken ct = default, DbTransaction? transaction = null);
}

/// <summary>The signed-in user's unread count, for the staff area's header.</summary>
public interface INotificationInbox
{
    Task<int> UnreadAsync(string userId, CancellationToken ct = default);
}

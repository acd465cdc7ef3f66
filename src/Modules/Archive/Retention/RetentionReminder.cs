using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Users;

namespace CampusKonseling.Archive.Retention;

/// <summary>Once a day, tells the archive's managers how many records have passed their retention and wait for their confirmation.</summary>
public sealed class RetentionReminder(RetentionService retention, IUserDirectory directory, INotifier notifier, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var due = await retention.DueAsync(ct);
        if (due.Count == 0) return;
        var managers = await directory.UsersWithPermissionAsync(Permissions.ManageArchive, ct);
        await notifier.NotifyUsersAsync(managers.Select(m => m.Id), new Notification("arsip-retensi",
            T.Keyed("{0} catatan arsip melewati masa simpan", due.Count), T.Keyed("Periksa dan konfirmasi pemusnahannya sesuai UU 27/2022."), "admin/arsip/retensi"), ct);
    }
}

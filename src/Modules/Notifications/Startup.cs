using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Notifications.Data;

namespace CampusKonseling.Notifications;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<NotificationsDb>(NotificationsDb.Schema);
        feature.Services.AddScoped<InAppNotifier>();
        feature.Services.AddScoped<INotifier>(sp => sp.GetRequiredService<InAppNotifier>());
        feature.Services.AddScoped<INotificationInbox>(sp => sp.GetRequiredService<InAppNotifier>());
        feature.Services.AddSingleton<Outbox.OutboxSignal>();
        feature.Services.AddScoped<IOutbox, Outbox.DbOutbox>();
        feature.Services.AddScoped<Outbox.OutboxDelivery>();
        feature.Services.AddHostedService<Outbox.OutboxWorker>();
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
    }
}

public sealed class Permissions : CampusKonseling.Security.IPermissionProvider
{
    public const string ManageNotifications = "ManageNotifications";

    public IEnumerable<CampusKonseling.Security.Permission> GetPermissions() =>
        [new(ManageNotifications, new("Memantau dan mengirim ulang pesan keluar", "Watch and resend outgoing messages"), "Notifikasi")];
}

public sealed class AdminMenu : CampusKonseling.Navigation.IAdminMenuProvider
{
    public IEnumerable<CampusKonseling.Navigation.MenuItem> GetItems() =>
        [new(new("Pesan keluar", "Outgoing messages"), "admin/pesan-keluar", Permissions.ManageNotifications, 92)];
}

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
        feature.Services.AddSingleton<Outbox.OutboxMetrics>();
        feature.Services.AddScoped<IOutbox, Outbox.DbOutbox>();
        feature.Services.AddScoped<Outbox.OutboxDelivery>();
        feature.Services.AddHostedService<Outbox.OutboxWorker>();
        feature.Services.AddScoped<Channels.ChannelSettingsStore>();
        feature.Services.AddScoped<Channels.EmailChannel>();
        feature.Services.AddScoped<Channels.TextGateway>();
        feature.Services.AddScoped<Templates.MessageComposer>();
        feature.Services.AddScoped<IMessageComposer>(sp => sp.GetRequiredService<Templates.MessageComposer>());
        feature.Services.AddSingleton<IMessageTemplateProvider, Templates.NotificationTemplates>();
        feature.Services.AddScoped<Pesan.StepMessageSignals>();
        feature.AddContract<CampusKonseling.Workflows.IStepAction, Pesan.PesanAction>();
        feature.AddContract<IClientMessages, Pesan.ClientMessages>();
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>().AddRecipeStep<Pesan.MessagesStep>();
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
        [
            new(new("Pesan keluar", "Outgoing messages"), "admin/pesan-keluar", Permissions.ManageNotifications, 92),
            new(new("Saluran pesan", "Message channels"), "admin/saluran-pesan", Permissions.ManageNotifications, 93),
            new(new("Templat pesan", "Message templates"), "admin/templat-pesan", Permissions.ManageNotifications, 94),
        ];
}

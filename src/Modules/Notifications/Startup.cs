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
    }
}

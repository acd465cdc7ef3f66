using CampusKonseling.Modules;

namespace CampusKonseling.Notifications;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Notifications";
    public LocalizedText Name => new("Notifikasi", "Notifications");
    public string Category => "Inti";
    public IReadOnlyList<string> Dependencies => ["Identity"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Notifications",
            new("Notifikasi", "Notifications"),
            new("Daftar notifikasi dalam aplikasi untuk setiap pengguna.", "In-app notification list for every user."),
            availability: FeatureAvailability.Always),
    ];
}

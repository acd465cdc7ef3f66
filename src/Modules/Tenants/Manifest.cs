using CampusKonseling.Modules;

namespace CampusKonseling.Tenants;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Tenants";
    public LocalizedText Name => new("Kampus", "Campuses");
    public string Category => "Host";
    public IReadOnlyList<string> Dependencies => ["Admin"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Tenants",
            new("Kelola kampus", "Manage campuses"),
            new("Administrasi host: membuat, menyiapkan, menonaktifkan dan menghapus kampus.", "Host administration: create, set up, disable and delete campuses."),
            availability: FeatureAvailability.DefaultTenantOnly),
    ];
}

using CampusKonseling.Modules;

namespace CampusKonseling.Admin;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Admin";
    public LocalizedText Name => new("Administrasi", "Administration");
    public string Category => "Inti";
    public IReadOnlyList<string> Dependencies => ["Identity", "Site"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Admin",
            new("Administrasi kampus", "Campus administration"),
            new("Dasbor staf, fitur yang aktif dan resep.", "Staff dashboard, enabled features and recipes."),
            availability: FeatureAvailability.Always),
    ];
}

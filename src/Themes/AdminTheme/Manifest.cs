using CampusKonseling.Modules;

namespace CampusKonseling.Themes.Admin;

public sealed class Manifest : IModuleManifest
{
    public string Id => "AdminTheme";
    public LocalizedText Name => new("Tema area staf", "Staff area theme");
    public string Category => "Tampilan";

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("AdminTheme", Name,
            new("Tata letak dan gaya halaman.", "Page layout and styles."),
            availability: FeatureAvailability.Always),
    ];
}

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature) =>
        feature.Services.AddSingleton(new StaticAssetSource("/_theme/admin", typeof(Startup).Assembly, "CampusKonseling.Themes.Admin.assets"));
}

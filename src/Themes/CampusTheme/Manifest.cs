using CampusKonseling.Modules;

namespace CampusKonseling.Themes.Campus;

public sealed class Manifest : IModuleManifest
{
    public string Id => "CampusTheme";
    public LocalizedText Name => new("Tema situs kampus", "Campus site theme");
    public string Category => "Tampilan";

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("CampusTheme", Name,
            new("Tata letak dan gaya halaman.", "Page layout and styles."),
            availability: FeatureAvailability.Always),
    ];
}

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature) =>
        feature.Services.AddSingleton(new StaticAssetSource("/_theme/campus", typeof(Startup).Assembly, "CampusKonseling.Themes.Campus.assets"));
}

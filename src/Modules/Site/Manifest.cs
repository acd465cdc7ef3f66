using CampusKonseling.Modules;

namespace CampusKonseling.Site;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Site";
    public LocalizedText Name => new("Situs Kampus", "Campus Site");
    public string Category => "Inti";

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Site",
            new("Situs dan pengaturan kampus", "Campus site and settings"),
            new("Nama, logo, warna, zona waktu, jam kerja dan beranda kampus.", "Campus name, logo, colours, time zone, working hours and home page."),
            availability: FeatureAvailability.Always),
    ];
}

using CampusKonseling.Modules;

namespace CampusKonseling.Pages;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Pages";
    public LocalizedText Name => new("Halaman", "Pages");
    public string Category => "Konten";

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Pages",
            new("Halaman kampus", "Campus pages"),
            new("Halaman informasi di situs kampus (Layanan Konseling, FAQ) ditulis dengan Markdown.", "Information pages on the campus site (services, FAQ) written in Markdown."),
            dependencies: ["Site"]),
    ];
}

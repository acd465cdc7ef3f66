using CampusKonseling.Modules;

namespace CampusKonseling.Audit;

public sealed class Manifest : IModuleManifest
{
    public const string FeatureId = "Audit";

    public string Id => "Audit";
    public LocalizedText Name => new("Jejak Audit", "Audit Trail");
    public string Category => "Inti";
    public IReadOnlyList<string> Dependencies => ["Identity", "Site"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>(FeatureId,
            new("Jejak Audit", "Audit Trail"),
            new("Catatan tak terubah (berantai hash) tentang siapa membaca, mengubah, membuat dokumen dan masuk, dari mana dan kapan.",
                "Tamper-evident (hash-chained) record of who read, changed, generated documents and signed in, from where and when."),
            availability: FeatureAvailability.Always),
    ];
}

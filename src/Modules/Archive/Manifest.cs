using CampusKonseling.Modules;

namespace CampusKonseling.Archive;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Archive";
    public LocalizedText Name => new("Arsip Kasus", "Case archive");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Identity"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Archive",
            new("Arsip kasus", "Case archive"),
            new("Pencarian teks Indonesia atas kasus yang ditutup, surat dan disposisi, menurut hak pembaca.",
                "Indonesian full-text search over closed cases, letters and dispositions, within each reader's rights.")),
    ];
}

using CampusKonseling.Modules;

namespace CampusKonseling.Letters;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Letters";
    public LocalizedText Name => new("Surat dan Dokumen", "Letters and documents");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Site", "Identity"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Letters",
            new("Surat dan dokumen", "Letters and documents"),
            new("Templat surat dengan kop kampus, penomoran otomatis per templat dan tahun, PDF dan tampilan cetak yang tersimpan per versi.",
                "Letter templates with the campus letterhead, automatic numbering per template and year, PDF and print view kept per version.")),
    ];
}

using CampusKonseling.Modules;

namespace CampusKonseling.Privasi;

public sealed class Manifest : IModuleManifest
{
    public const string FeatureId = "Privasi";

    public string Id => "Privasi";
    public LocalizedText Name => new("Pelindungan Data Pribadi", "Personal Data Protection");
    public string Category => "Inti";
    public IReadOnlyList<string> Dependencies => ["Identity", "Site", "Audit"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>(FeatureId,
            new("Pelindungan Data Pribadi", "Personal Data Protection"),
            new("Kewajiban pengendali data menurut UU 27/2022: pejabat pelindungan data pribadi dan rekaman kegiatan pemrosesan (tiap formulir dan SOP, kategori data, penerima, retensi) yang dapat diunduh.",
                "The controller's duties under Law 27/2022: the data protection officer and the record of processing activities (each form and SOP, data categories, recipients, retention), downloadable."),
            dependencies: ["Audit"]),
    ];
}

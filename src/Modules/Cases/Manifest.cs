using CampusKonseling.Modules;

namespace CampusKonseling.Cases;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Cases";
    public LocalizedText Name => new("Kasus Konseling", "Counseling cases");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Sop", "Notifications", "Site"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Cases",
            new("Kasus konseling", "Counseling cases"),
            new("Setiap permohonan menjadi kasus: kotak masuk per peran, konselor yang ditugaskan, catatan berjenjang kerahasiaan, kesepakatan jadwal.",
                "Every request becomes a case: an inbox per role, an assigned counselor, notes in confidentiality tiers, session agreements.")),
    ];
}

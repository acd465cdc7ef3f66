using CampusKonseling.Modules;

namespace CampusKonseling.Forms;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Forms";
    public LocalizedText Name => new("Formulir Permohonan", "Request forms");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Site", "Notifications", "Sop"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Forms",
            new("Formulir permohonan", "Request forms"),
            new("Formulir di situs kampus: setiap permohonan tersimpan, masuk ke SOP, dan pemohon menerima kode pelacakan.",
                "Forms on the campus site: every request is kept, enters the SOP, and the requester gets a tracking code.")),
    ];
}

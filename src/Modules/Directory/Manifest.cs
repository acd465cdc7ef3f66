using CampusKonseling.Modules;

namespace CampusKonseling.Direktori;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Directory";
    public LocalizedText Name => new("Direktori Mahasiswa", "Student directory");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Identity"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Directory",
            new("Direktori mahasiswa", "Student directory"),
            new("Data mahasiswa dari SIAKAD (impor CSV dan API) untuk mengecek status mahasiswa, serta masuk lewat portal kampus.",
                "Students from the campus SIS (CSV import and API) to check a student's status, and sign-in from the campus portal.")),
    ];
}

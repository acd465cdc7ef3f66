using CampusKonseling.Modules;

namespace CampusKonseling.Identity;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Identity";
    public LocalizedText Name => new("Pengguna dan Peran", "Users and Roles");
    public string Category => "Inti";

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Identity",
            new("Pengguna dan Peran", "Users and Roles"),
            new("Akun, masuk, peran dan izin per kampus.", "Accounts, sign-in, roles and permissions per campus."),
            availability: FeatureAvailability.Always),
    ];
}

using CampusKonseling.Modules;

namespace CampusKonseling.Sop;

public sealed class Manifest : IModuleManifest
{
    public const string FeatureId = "Sop";

    public string Id => "Sop";
    public LocalizedText Name => new("SOP Layanan", "Service SOPs");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Identity", "Site", "Notifications"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>(FeatureId,
            new("SOP layanan", "Service SOPs"),
            new("Menjalankan SOP kampus langkah demi langkah: pelaksana, kelengkapan, waktu baku, pengingat dan eskalasi.",
                "Runs the campus SOPs step by step: actors, required documents, time standards, reminders and escalations.")),
    ];
}

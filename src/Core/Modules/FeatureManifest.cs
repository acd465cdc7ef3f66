namespace CampusKonseling.Modules;

public enum FeatureAvailability
{
    /// <summary>Can be switched on and off per campus.</summary>
    Optional,
    /// <summary>Every tenant has it; it cannot be disabled.</summary>
    Always,
    /// <summary>Only the host ("Default") tenant may enable it.</summary>
    DefaultTenantOnly,
}

public sealed record FeatureManifest(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    Type Startup,
    IReadOnlyList<string>? Dependencies = null,
    FeatureAvailability Availability = FeatureAvailability.Optional)
{
    public IReadOnlyList<string> DependsOn { get; init; } = Dependencies ?? [];

    public static FeatureManifest Of<TStartup>(
        string id, LocalizedText name, LocalizedText description,
        IReadOnlyList<string>? dependencies = null,
        FeatureAvailability availability = FeatureAvailability.Optional)
        where TStartup : IFeatureStartup, new()
        => new(id, name, description, typeof(TStartup), dependencies, availability);
}

namespace CampusKonseling.Modules;

/// <summary>What a module is and what it needs. Wiring lives in the feature startups.</summary>
public interface IModuleManifest
{
    string Id { get; }
    LocalizedText Name { get; }
    string Category { get; }

    /// <summary>Features of other modules every feature of this module needs.</summary>
    IReadOnlyList<string> Dependencies => [];

    IReadOnlyList<FeatureManifest> Features { get; }
}

using CampusKonseling.Modules;

namespace CampusKonseling.Shell;

public sealed record FeatureEntry(IModuleManifest Module, FeatureManifest Feature);

public interface IFeatureCatalog
{
    IReadOnlyList<IModuleManifest> Modules { get; }
    IReadOnlyList<FeatureEntry> Features { get; }
    FeatureEntry? Find(string featureId);

    /// <summary>The feature and everything it needs, dependencies first.</summary>
    IReadOnlyList<string> WithDependencies(string featureId);

    /// <summary>Enabled features that need the given one.</summary>
    IReadOnlyList<string> Dependents(string featureId, IEnumerable<string> enabled);
}

public sealed record FeatureChange(bool Succeeded, IReadOnlyList<string> Changed, string? Error);

public interface IFeatureManager
{
    Task<FeatureChange> EnableAsync(ShellContext shell, IEnumerable<string> featureIds, CancellationToken ct = default);
    Task<FeatureChange> DisableAsync(ShellContext shell, string featureId, CancellationToken ct = default);
}

using CampusKonseling.Modules;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Features;

public sealed class FeatureCatalog : IFeatureCatalog
{
    private readonly Dictionary<string, FeatureEntry> _byId;

    public FeatureCatalog(IReadOnlyList<IModuleManifest> modules)
    {
        Modules = modules;
        Features = modules.SelectMany(m => m.Features.Select(f => new FeatureEntry(m, f))).ToList();
        _byId = new Dictionary<string, FeatureEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Features)
        {
            if (!_byId.TryAdd(entry.Feature.Id, entry))
                throw new InvalidOperationException($"Feature '{entry.Feature.Id}' is declared by two modules.");
        }
        foreach (var entry in Features)
        foreach (var dep in DependenciesOf(entry))
        {
            if (!_byId.ContainsKey(dep))
                throw new InvalidOperationException($"Feature '{entry.Feature.Id}' depends on unknown feature '{dep}'.");
        }
    }

    public IReadOnlyList<IModuleManifest> Modules { get; }
    public IReadOnlyList<FeatureEntry> Features { get; }

    public FeatureEntry? Find(string featureId) => _byId.GetValueOrDefault(featureId);

    /// <summary>Feature ids that every tenant has.</summary>
    public IReadOnlyList<string> AlwaysEnabled =>
        Features.Where(f => f.Feature.Availability == FeatureAvailability.Always).Select(f => f.Feature.Id).ToList();

    public IReadOnlyList<string> WithDependencies(string featureId)
    {
        var ordered = new List<string>();
        Visit(featureId, ordered, []);
        return ordered;
    }

    public IReadOnlyList<string> Dependents(string featureId, IEnumerable<string> enabled) =>
        enabled.Where(e => !e.Equals(featureId, StringComparison.OrdinalIgnoreCase)
                           && WithDependencies(e).Contains(featureId, StringComparer.OrdinalIgnoreCase))
            .ToList();

    private void Visit(string id, List<string> ordered, HashSet<string> visiting)
    {
        var entry = Find(id) ?? throw new KeyNotFoundException(id);
        if (ordered.Contains(entry.Feature.Id)) return;
        if (!visiting.Add(entry.Feature.Id))
            throw new InvalidOperationException($"Feature dependency cycle at '{id}'.");
        foreach (var dep in DependenciesOf(entry)) Visit(dep, ordered, visiting);
        ordered.Add(entry.Feature.Id);
    }

    private static IEnumerable<string> DependenciesOf(FeatureEntry e) =>
        e.Module.Dependencies.Concat(e.Feature.DependsOn).Distinct(StringComparer.OrdinalIgnoreCase);
}

using CampusKonseling.Shell;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Modules;

/// <summary>Scoped: resolves the feature-bound services of the features enabled in the current tenant.</summary>
public sealed class ShellFeatureServices(IEnumerable<FeatureService> registrations, IServiceProvider services, CurrentShell current)
{
    private readonly FeatureService[] _registrations = registrations.ToArray();

    public IEnumerable<FeatureService> Registrations(FeatureServiceKind kind, IReadOnlySet<string>? features = null)
    {
        var enabled = features ?? current.Shell.Features;
        return _registrations.Where(r => r.Kind == kind && enabled.Contains(r.FeatureId));
    }

    public IEnumerable<T> Get<T>(FeatureServiceKind kind, IReadOnlySet<string>? features = null) where T : class =>
        Registrations(kind, features).Select(r => (T)services.GetRequiredService(r.ImplementationType));

    /// <summary>The implementation of a Core contract by a feature enabled in this tenant; null where none is.</summary>
    public T? Contract<T>() where T : class => Contracts<T>().FirstOrDefault();

    /// <summary>Every enabled feature's implementation of a Core contract (observers).</summary>
    public IEnumerable<T> Contracts<T>() where T : class =>
        Registrations(FeatureServiceKind.Contract).Where(r => r.ServiceType == typeof(T)).Select(r => (T)services.GetRequiredService(r.ImplementationType));

    /// <summary>All registrations of a kind, enabled or not.</summary>
    public IEnumerable<FeatureService> All(FeatureServiceKind kind) => _registrations.Where(r => r.Kind == kind);
}

using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Modules;

/// <summary>
/// Wiring of one feature. Services are registered once for the whole host; everything that
/// must exist only where the feature is enabled (routes, menus, recipe steps, migrations,
/// background tasks, permissions) is registered through <see cref="FeatureBuilder"/> so the
/// host can tell which feature it belongs to.
/// </summary>
public interface IFeatureStartup
{
    void ConfigureServices(FeatureBuilder feature);

    /// <summary>Minimal API endpoints. The group already carries the feature's metadata.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Modules;

public sealed class FeatureBuilder(IServiceCollection services, string featureId)
{
    public IServiceCollection Services { get; } = services;
    public string FeatureId { get; } = featureId;

    /// <summary>Registers a service that only works where this feature is enabled.</summary>
    public FeatureBuilder AddFeatureService<TService, TImplementation>(FeatureServiceKind kind)
        where TService : class where TImplementation : class, TService
    {
        Services.AddScoped<TImplementation>();
        Services.AddSingleton(new FeatureService(FeatureId, kind, typeof(TService), typeof(TImplementation)));
        return this;
    }
}

using System.Reflection;
using CampusKonseling.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CampusKonseling.Host.Routing;

/// <summary>Tags every module page with its feature: the [Feature] on its model, else the module's first feature.</summary>
public sealed class FeaturePageConvention(IReadOnlyDictionary<Assembly, string> moduleFeatures) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var explicitFeature = model.HandlerType.GetCustomAttribute<FeatureAttribute>()?.FeatureId
                              ?? model.PageType.GetCustomAttribute<FeatureAttribute>()?.FeatureId;
        var feature = explicitFeature ?? moduleFeatures.GetValueOrDefault(model.PageType.Assembly);
        if (feature is not null) model.EndpointMetadata.Add(new FeatureMetadata(feature));
    }
}

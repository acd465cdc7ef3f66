namespace CampusKonseling.Modules;

/// <summary>Endpoint metadata naming the feature an endpoint belongs to; routes of disabled features do not match.</summary>
public sealed record FeatureMetadata(string FeatureId);

/// <summary>Puts a Razor page in a feature other than its module's first feature.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}

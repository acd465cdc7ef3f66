namespace CampusKonseling.Modules;

public enum FeatureServiceKind { RecipeStep, Permissions, AdminMenu, PublicMenu, DbContext, BackgroundTask }

/// <summary>A service registered by a feature; the shell uses it only where the feature is enabled.</summary>
public sealed record FeatureService(string FeatureId, FeatureServiceKind Kind, Type ServiceType, Type ImplementationType);

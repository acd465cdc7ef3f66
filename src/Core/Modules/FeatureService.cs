namespace CampusKonseling.Modules;

/// <summary>
/// What a feature-bound service is for. <see cref="Contract"/>: a Core contract another module may use
/// only where the implementing feature is enabled (case intake, letters, the student directory).
/// </summary>
public enum FeatureServiceKind { RecipeStep, Permissions, AdminMenu, PublicMenu, DbContext, BackgroundTask, Contract }

/// <summary>A service registered by a feature; the shell uses it only where the feature is enabled.</summary>
public sealed record FeatureService(string FeatureId, FeatureServiceKind Kind, Type ServiceType, Type ImplementationType);

using CampusKonseling.Navigation;
using CampusKonseling.Recipes;
using CampusKonseling.Security;

namespace CampusKonseling.Modules;

/// <summary>One-line, typed registrations for feature startups.</summary>
public static class FeatureBuilderExtensions
{
    public static FeatureBuilder AddRecipeStep<T>(this FeatureBuilder f) where T : class, IRecipeStep =>
        f.AddFeatureService<IRecipeStep, T>(FeatureServiceKind.RecipeStep);

    public static FeatureBuilder AddPermissions<T>(this FeatureBuilder f) where T : class, IPermissionProvider =>
        f.AddFeatureService<IPermissionProvider, T>(FeatureServiceKind.Permissions);

    public static FeatureBuilder AddAdminMenu<T>(this FeatureBuilder f) where T : class, IAdminMenuProvider =>
        f.AddFeatureService<IAdminMenuProvider, T>(FeatureServiceKind.AdminMenu);

    public static FeatureBuilder AddPublicMenu<T>(this FeatureBuilder f) where T : class, IPublicMenuProvider =>
        f.AddFeatureService<IPublicMenuProvider, T>(FeatureServiceKind.PublicMenu);

    public static FeatureBuilder AddBackgroundTask<T>(this FeatureBuilder f) where T : class, IBackgroundTask =>
        f.AddFeatureService<IBackgroundTask, T>(FeatureServiceKind.BackgroundTask);
}

using CampusKonseling.Navigation;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Implements a Core contract for other modules. All modules' services live in one container, so
    /// other modules must reach it through <see cref="ShellFeatureServices.Contract{T}"/>, which answers
    /// only where this feature is enabled (its tables exist there).
    /// </summary>
    public static FeatureBuilder AddContract<TService, TImplementation>(this FeatureBuilder f) where TService : class where TImplementation : class, TService
    {
        f.AddFeatureService<TService, TImplementation>(FeatureServiceKind.Contract);
        f.Services.AddScoped<TService>(sp => sp.GetRequiredService<TImplementation>());
        return f;
    }
}

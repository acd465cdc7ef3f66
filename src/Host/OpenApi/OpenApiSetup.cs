using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.OpenApi;

namespace CampusKonseling.Host.OpenApi;

/// <summary>
/// Each campus's OpenAPI document (<c>/{kampus}/openapi/v1.json</c>) and its browsable reference
/// (<c>/{kampus}/api/referensi</c>, the Razor page <c>Pages/ApiReference.cshtml</c>) with Swagger UI's files served by
/// the app itself.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>Where the reference page's scripts and styles are served, under every campus's prefix or host name.</summary>
    public const string AssetsPath = "/_api-referensi";

    public static IServiceCollection AddCampusOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddOptions<OpenApiOptions>("v1").Configure<IHttpContextAccessor>((o, http) =>
        {
            // Each campus's document lists only the endpoints of the features it has enabled.
            o.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<FeatureMetadata>().FirstOrDefault() is not { } f
                                   || (http.HttpContext?.Items[typeof(ShellContext)] as ShellContext)?.IsEnabled(f.FeatureId) == true;
            o.AddOperationTransformer<PermissionTransformer>();
            o.AddDocumentTransformer<CampusDocumentTransformer>();
        });
        services.AddSingleton(new StaticAssetSource(AssetsPath, typeof(OpenApiSetup).Assembly, "CampusKonseling.Host.OpenApi.assets"));
        return services;
    }

    /// <summary>Swagger UI's own files; runs after the tenant middleware, so they answer under every campus.</summary>
    public static IApplicationBuilder UseSwaggerUiFiles(this IApplicationBuilder app)
    {
        var files = new SwaggerUiFiles();
        return app.Map(AssetsPath + SwaggerUiFiles.Folder, branch => branch.Run(files.HandleAsync));
    }

    public static IEndpointRouteBuilder MapCampusOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        // The addresses people try first lead to the reference instead of a 404.
        foreach (var guess in new[] { "/swagger", "/scalar", "/docs", "/api" })
            endpoints.MapGet(guess, (HttpContext context) => Results.Redirect($"{context.Request.PathBase}/api/referensi")).ExcludeFromDescription();
        return endpoints;
    }
}

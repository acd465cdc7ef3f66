using Microsoft.OpenApi;

namespace CampusKonseling.Host.OpenApi;

/// <summary>The one security scheme of a campus's API document: the campus's API key in the X-Api-Key header.</summary>
internal static class ApiKeyScheme
{
    public const string Name = "KunciApi";
    /// <summary>The header the platform reads keys from (the Identity module's key handler).</summary>
    public const string Header = CampusKonseling.Identity.ApiKeys.ApiKeyHandler.Header;

    /// <summary>
    /// Adds the scheme to the document's components (once) and returns a reference to it. A requirement whose scheme
    /// is missing from the components is left out when the document is written, so each operation asks here.
    /// </summary>
    public static OpenApiSecuritySchemeReference Reference(OpenApiDocument document, string description)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(Name, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Header, Description = description,
        });
        return new OpenApiSecuritySchemeReference(Name, document);
    }
}

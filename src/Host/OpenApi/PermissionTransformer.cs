using CampusKonseling.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace CampusKonseling.Host.OpenApi;

/// <summary>
/// Tells, on every operation of a campus's document, what a caller needs — read from the endpoint's own authorization
/// metadata (<c>RequirePermission</c>), so no endpoint describes it by hand and none can drift from what is enforced.
/// A protected operation gets the API-key security requirement listing its permission (OpenAPI 3.1 lets an apiKey
/// requirement name roles), "Izin yang diperlukan: …" in its description and its 401/403 answers; a public one says
/// it is public and has no requirement.
/// </summary>
internal sealed class PermissionTransformer(IHttpContextAccessor http) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The campus's services (its enabled permissions, its language) live in the request's scope, not the root.
        var services = http.HttpContext?.RequestServices ?? context.ApplicationServices;
        var T = services.GetRequiredService<IStringLocalizer<S>>();
        var access = Access(context.Description.ActionDescriptor.EndpointMetadata);
        if (access is null)
        {
            operation.Security = null;
            Append(operation, T["Publik: tanpa kunci API."]);
            return Task.CompletedTask;
        }

        var known = services.GetService<IPermissionService>()?.EnabledPermissions().ToDictionary(p => p.Name) ?? [];
        operation.Security =
        [
            new OpenApiSecurityRequirement { [ApiKeyScheme.Reference(context.Document!, T["Kunci API kampus; bertindak dengan izin satu peran."])] = access.ToList() },
        ];
        var named = access.Select(p => known.TryGetValue(p, out var permission) ? $"`{p}` ({permission.DisplayName.ForCurrentCulture()})" : $"`{p}`");
        Append(operation, access.Count == 0
            ? T["Perlu kunci API di header {0}.", ApiKeyScheme.Header]
            : T["Izin yang diperlukan: {0}. Kirim kunci API di header {1}; peran kunci itu harus memegang izin ini.", string.Join(", ", named), ApiKeyScheme.Header]);
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = T["Kunci API tidak dikirim, tidak dikenal, atau sudah dicabut."] });
        if (access.Count > 0)
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = T["Peran kunci API ini tidak memegang izin yang diperlukan."] });
        return Task.CompletedTask;
    }

    /// <summary>
    /// The permissions an endpoint requires (empty: any signed-in caller), or null when it is public. Mirrors the
    /// authorization middleware: [AllowAnonymous] anywhere wins, and RequirePermission is a "Permission:X" policy.
    /// </summary>
    private static IReadOnlyList<string>? Access(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()) return null;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 && !metadata.OfType<AuthorizationPolicy>().Any()) return null;
        return authorize.Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
            .Select(p => p[PermissionPolicy.Prefix.Length..]).Distinct().ToList();
    }

    private static void Append(OpenApiOperation operation, string text) =>
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? text : operation.Description + "\n\n" + text;
}

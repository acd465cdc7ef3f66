using CampusKonseling.Site;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace CampusKonseling.Host.OpenApi;

/// <summary>
/// Names the campus in its document and says how machine clients get in. Which key an operation needs is on the
/// operation itself (<see cref="PermissionTransformer"/>); the document sets no default, so an operation without a
/// requirement is public.
/// </summary>
internal sealed class CampusDocumentTransformer(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var request = http.HttpContext;
        var services = request?.RequestServices ?? context.ApplicationServices;
        var T = services.GetRequiredService<IStringLocalizer<S>>();
        var campus = request is null ? null : await services.GetRequiredService<ISiteSettings>().GetAsync(cancellationToken);
        document.Info.Title = $"CampusKonseling API — {campus?.CampusName}";
        document.Info.Description = T["API per kampus. Daftar memakai page dan pageSize; kesalahan berupa problem details (RFC 9457)."] + " "
            + T["Sistem kampus masuk dengan kunci API (header {0}) yang dibuat admin kampus di /admin/kunci-api; kunci bertindak dengan izin satu peran, dan setiap operasi menyebut izin yang diperlukannya.", ApiKeyScheme.Header] + " "
            + T["Referensi yang dapat dicoba ada di /api/referensi kampus ini."];
        ApiKeyScheme.Reference(document, T["Kunci API kampus; bertindak dengan izin satu peran."]);
        document.Security = null;
    }
}

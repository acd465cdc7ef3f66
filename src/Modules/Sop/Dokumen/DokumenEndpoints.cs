using CampusKonseling.Security;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>An SOP version as its SOP AP document, DOCX or PDF, for whoever may see the SOP; named by its code and version.</summary>
public static class DokumenEndpoints
{
    public static IEndpointRouteBuilder MapSopDokumen(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/sop/{id:guid}/dokumen.docx", (Guid id, int? versi, SopCatalog catalog, CancellationToken ct) =>
                FileAsync(catalog, id, versi, "docx", SopDocumentWriter.DocxType, SopDocumentWriter.Docx, ct))
            .RequirePermission(Permissions.ViewSop).ExcludeFromDescription();
        endpoints.MapGet("/admin/sop/{id:guid}/dokumen.pdf", (Guid id, int? versi, SopCatalog catalog, CancellationToken ct) =>
                FileAsync(catalog, id, versi, "pdf", SopDocumentWriter.PdfType, SopDocumentWriter.Pdf, ct))
            .RequirePermission(Permissions.ViewSop).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> FileAsync(SopCatalog catalog, Guid id, int? versi, string ext, string type,
        Func<Definitions.SopDefinition, int, byte[]> write, CancellationToken ct) =>
        await catalog.FindAsync(id, versi, ct) is { } found
            ? Results.File(write(found.Sop, found.Version.Versi), type, SopDocumentWriter.FileName(found.Sop, found.Version.Versi, ext))
            : Results.NotFound();
}

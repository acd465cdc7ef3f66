using System.Security.Claims;
using CampusKonseling.Archive.Search;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Archive.Api;

/// <summary>The archive search for campus systems and scripts: the same query, filters, facets and rights as the page.</summary>
public static class ArchiveApi
{
    public sealed record HitDto(string Jenis, string SubjekId, string Judul, string? Nomor, string? Sop, string? Nama, DateTimeOffset? Ditutup, string? Cuplikan, bool DariKonseling);
    public sealed record FacetDto(string Kolom, IReadOnlyList<FacetValueDto> Nilai);
    public sealed record FacetValueDto(string Nilai, int Jumlah);
    /// <param name="Perkiraan">True for a broad query: the total and facet counts are estimates from a sample, and relevance ranks the newest 500 matches.</param>
    public sealed record SearchDto(int Total, bool Perkiraan, int Page, int PageSize, IReadOnlyList<HitDto> Hasil, IReadOnlyList<FacetDto> Faset);

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/arsip", SearchAsync).WithTags("Arsip").WithName("SearchArchive")
            .WithSummary("Mencari arsip kasus: kata, \"frasa\", awalan*, -pengecualian, faset; catatan konseling hanya bagi yang berhak")
            .RequirePermission(Permissions.SearchArchive);
        endpoints.MapPost("/api/v1/arsip/impor", ImportAsync).WithTags("Arsip").WithName("ImportArchive")
            .WithSummary("Mengarsipkan sekaligus sampai 1.000 catatan (mis. arsip lama kampus); subjek yang sudah diarsipkan dilewati")
            .RequirePermission(Permissions.ManageArchive);
        return endpoints;
    }

    public sealed record ImportDto(int Diarsipkan, int Dilewati);

    private static async Task<Results<Ok<ImportDto>, ValidationProblem>> ImportAsync(List<ArchiveEntry>? records, ArchiveStore store,
        Microsoft.Extensions.Localization.IStringLocalizer<S> T, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (records is null || records.Count is 0 or > 1000) errors[""] = [T["Kirim 1 sampai 1.000 catatan sekaligus."]];
        else
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                if (string.IsNullOrWhiteSpace(r.Jenis) || string.IsNullOrWhiteSpace(r.SubjekId) || string.IsNullOrWhiteSpace(r.Judul))
                    errors[$"[{i}]"] = [T["jenis, subjekId dan judul wajib diisi."]];
                else if (r.TeksUmum is null) errors[$"[{i}].teksUmum"] = [T["teksUmum wajib ada (boleh kosong)."]];
            }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: T["Arsip belum dapat diimpor."]);
        var filed = await store.FileManyAsync(records!, ct);
        return TypedResults.Ok(new ImportDto(filed, records!.Count - filed));
    }

    private static async Task<Ok<SearchDto>> SearchAsync(HttpContext http, ArchiveSearch search, IPermissionService permissions, string? q, string? sop, int? tahun, string? semester,
        string? bidang, string? konselor, string? jenisKlien, string? hasil, bool? urutTanggal, int? page, int? pageSize, string? unit, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var p = Math.Max(1, page ?? 1);
        var reader = new Reader(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", await permissions.HasPermissionAsync(http.User, Permissions.ReadCounselingNotes));
        var result = await search.SearchAsync(reader, new SearchRequest(q, sop, tahun, semester, bidang, konselor, jenisKlien, hasil, urutTanggal ?? false, p, size, unit), ct);
        return TypedResults.Ok(new SearchDto(result.Total, result.Perkiraan, p, size,
            result.Hits.Select(h => new HitDto(h.Jenis, h.SubjekId, h.Judul, h.Nomor, h.SopJudul, h.Nama, h.Ditutup, h.Snippet, h.DariKonseling)).ToList(),
            result.Facets.Select(f => new FacetDto(f.Kolom, f.Nilai.Select(v => new FacetValueDto(v.Nilai, v.Jumlah)).ToList())).ToList()));
    }
}

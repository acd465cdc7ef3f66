using CampusKonseling.Pages.Content;
using CampusKonseling.Pages.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Pages.Api;

/// <summary>Read-only API of the campus pages, for the campus website and portal to embed.</summary>
public static class PagesApi
{
    public sealed record PageSummary(string Slug, string Title, bool Menu, int Order, DateTimeOffset UpdatedUtc);
    public sealed record PageDetail(string Slug, string Title, string Markdown, string Html, DateTimeOffset UpdatedUtc);

    public static IEndpointRouteBuilder MapPagesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/halaman").WithTags("Halaman");
        api.MapGet("", ListAsync).WithName("ListPages").WithSummary("Daftar halaman kampus");
        api.MapGet("/{slug}", GetAsync).WithName("GetPage").WithSummary("Satu halaman kampus, dalam Markdown dan HTML");
        return endpoints;
    }

    private static async Task<Ok<List<PageSummary>>> ListAsync(PagesDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Pages.AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Title)
            .Select(p => new PageSummary(p.Slug, p.Title, p.ShowInMenu, p.Order, p.UpdatedUtc)).ToListAsync(ct));

    private static async Task<Results<Ok<PageDetail>, ProblemHttpResult>> GetAsync(string slug, PagesDb db, IStringLocalizer<S> T, CancellationToken ct)
    {
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: T["Halaman tidak ditemukan"], detail: T["Tidak ada halaman dengan alamat '{0}'.", slug]);
        return TypedResults.Ok(new PageDetail(page.Slug, page.Title, page.Body, PageRules.ToHtml(page.Body), page.UpdatedUtc));
    }
}

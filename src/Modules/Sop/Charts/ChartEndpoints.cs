using CampusKonseling.Security;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Sop.Charts;

/// <summary>The flowcharts as downloadable SVG files.</summary>
public static class ChartEndpoints
{
    public static IEndpointRouteBuilder MapSopCharts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/sop/{id:guid}/bagan.svg", async (Guid id, int? versi, SopCatalog catalog, CancellationToken ct) =>
            await catalog.FindAsync(id, versi, ct) is { } found
                ? Svg(SopChart.Render(found.Sop), $"{found.Sop.Kode}-v{found.Version.Versi}")
                : Results.NotFound())
            .RequirePermission(Permissions.ViewSop).ExcludeFromDescription();

        endpoints.MapGet("/admin/sop/instans/{id:guid}/bagan.svg", async (Guid id, HttpContext http, ISopStore store, SopAccess access, CancellationToken ct) =>
        {
            var instance = await store.InstanceAsync(id, ct);
            if (instance is null) return Results.NotFound();
            var sop = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
            if (!await access.CanSeeInstancesAsync(http.User, sop)) return Results.Forbid();
            return Svg(SopChart.Render(sop, States(instance)), $"{sop.Kode}-instans");
        }).RequirePermission(Permissions.ViewSop).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Done, current and overdue steps of an instance, for its chart.</summary>
    public static IReadOnlyDictionary<string, StepState> States(SopInstance instance)
    {
        var states = new Dictionary<string, StepState>();
        foreach (var e in instance.Riwayat.Where(e => e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati && e.StepId is not null))
            states[e.StepId!] = StepState.Selesai;
        foreach (var a in instance.Aktif) states[a.StepId] = a.Terlambat ? StepState.Terlambat : StepState.Aktif;
        return states;
    }

    private static IResult Svg(string svg, string name) =>
        Results.Text(svg, "image/svg+xml; charset=utf-8") is var result
            ? new FileNameResult(result, $"{string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'))}.svg")
            : result;

    private sealed class FileNameResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
            return inner.ExecuteAsync(context);
        }
    }
}

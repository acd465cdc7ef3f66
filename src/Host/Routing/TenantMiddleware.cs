using CampusKonseling.Diagnostics;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Host.Routing;

/// <summary>
/// Puts each request in its campus: resolves the tenant, moves the URL prefix into PathBase,
/// selects the tenant's shell for the request's services and logs under the tenant's name.
/// Disabled, unprepared and failed campuses get a plain 503 page.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next, TenantResolver resolver, IShellHost shells, ILogger<TenantMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, CurrentShell current, IStringLocalizer<S> T)
    {
        TenantMatch? match;
        try
        {
            match = await resolver.ResolveAsync(context.Request, context.RequestAborted);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogError(ex, "The tenant registry cannot be read");
            await PlainPage(context, T["Layanan sedang bermasalah"], T["Platform sedang mengalami gangguan. Coba lagi beberapa saat lagi."]);
            return;
        }
        if (match is null)
        {
            await PlainPage(context, T["Platform belum disiapkan"], T["Platform sedang disiapkan. Coba lagi sebentar lagi."]);
            return;
        }
        var tenant = match.Tenant;
        using var scope = logger.BeginScope("Tenant {Tenant}", tenant.Name);
        // The request metrics (http.server.request.duration) carry the campus; their route is the template, never the path.
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Telemetry.Campus, tenant.Name));

        if (tenant.State == TenantState.Disabled)
        {
            await PlainPage(context, T["Layanan tidak tersedia"], T["Layanan konseling {0} sedang dinonaktifkan.", tenant.DisplayName]);
            return;
        }
        if (tenant.State == TenantState.Uninitialized)
        {
            await PlainPage(context, T["Layanan belum siap"], T["Layanan konseling {0} belum disiapkan.", tenant.DisplayName]);
            return;
        }
        ShellContext? shell;
        try
        {
            shell = await shells.GetShellAsync(tenant.Name, context.RequestAborted);
        }
        catch (Exception ex) when (CampusKonseling.Data.TransientFailures.IsBusy(ex))
        {
            // Loading the campus waited too long for a database connection: busy, not broken.
            await PlainPage(context, T["Layanan sedang sibuk"], T["Banyak permintaan sedang dilayani sehingga permintaan Anda belum dapat diproses. Tidak ada data yang hilang. Silakan coba lagi dalam setengah menit."]);
            return;
        }
        if (shell is null)
        {
            await PlainPage(context, T["Layanan sedang bermasalah"], T["Layanan konseling {0} sedang mengalami gangguan. Gangguan ini telah dicatat untuk administrator; coba lagi beberapa saat lagi.", tenant.DisplayName]);
            return;
        }

        current.Shell = shell;
        // Once the response starts, the scope lets go of the connection slot it keeps between queries: a slow reader
        // (a big download on a poor line) must not hold one of the server's connections.
        context.Response.OnStarting(() =>
        {
            context.RequestServices.GetService<CampusKonseling.Data.TenantDbConnection>()?.LetGoBetweenQueries();
            return Task.CompletedTask;
        });
        context.Items[typeof(ShellContext)] = shell;
        if (match.Prefix.HasValue)
        {
            context.Request.PathBase = context.Request.PathBase.Add(match.Prefix);
            context.Request.Path = context.Request.Path.StartsWithSegments(match.Prefix, StringComparison.OrdinalIgnoreCase, out var rest) ? rest : context.Request.Path;
        }
        await next(context);
    }

    private static Task PlainPage(HttpContext context, string title, string message)
    {
        context.Response.Headers.RetryAfter = "120";
        return PlainHtmlPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, title, message);
    }
}

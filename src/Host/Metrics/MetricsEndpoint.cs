using CampusKonseling.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CampusKonseling.Host.Metrics;

/// <summary>
/// /metrics in Prometheus text format, for the whole host (every campus's series carry a campus label):
/// ASP.NET Core's request metrics, the .NET runtime's, and the platform's own meters (SOP steps, outbox).
/// Guarded by <see cref="MetricsAccess"/>. See docs/metrics.md.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const int RequestSeriesLimit = 20_000;
    public const int PlatformSeriesLimit = 10_000;

    public static IServiceCollection AddCampusMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        // Built now, so a malformed network or a short token stops the start instead of the first scrape.
        services.AddSingleton(MetricsAccess.FromConfiguration(configuration.GetSection(MetricsAccess.Section)));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("campuskonseling"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Telemetry.MeterPrefix + "*")
                // The SDK keeps 2000 label combinations per metric and folds the rest into one overflow series. Requests are
                // campus x route template x method x status, which twenty campuses pass; the platform's own are campus x SOP.
                .AddView("http.server.request.duration", new MetricStreamConfiguration { CardinalityLimit = RequestSeriesLimit })
                .AddView(i => i.Meter.Name.StartsWith(Telemetry.MeterPrefix, StringComparison.Ordinal) ? new MetricStreamConfiguration { CardinalityLimit = PlatformSeriesLimit } : null)
                .AddPrometheusExporter());
        return services;
    }

    public static IApplicationBuilder UseCampusMetrics(this IApplicationBuilder app)
    {
        var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoint));
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: null, path: Path, optionsName: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var decision = access.Decide(context.Connection.RemoteIpAddress, context.Request.Headers.Authorization.ToString());
                if (decision == MetricsAccess.Decision.Allowed)
                {
                    await next(context);
                    return;
                }
                logger.LogWarning("Refused {Path} to {Address}: {Decision}", Path, context.Connection.RemoteIpAddress, decision);
                await RefuseAsync(context, decision, access.HasToken);
            }));
    }

    private static Task RefuseAsync(HttpContext context, MetricsAccess.Decision decision, bool hasToken)
    {
        context.Response.StatusCode = decision == MetricsAccess.Decision.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (hasToken) context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(decision == MetricsAccess.Decision.Unauthorized
            ? "Token tidak ada atau salah untuk /metrics. / Missing or wrong bearer token for /metrics."
            : "/metrics tidak dibuka untuk alamat ini. / /metrics is not open to this address.");
    }
}

using CampusKonseling.Host.Registry;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Health;

/// <summary>GET /health: 200 when the host database answers, 503 otherwise; JSON either way.</summary>
public static class HealthEndpoint
{
    public static async Task Handle(HttpContext context)
    {
        var dbs = context.RequestServices.GetRequiredService<IDbContextFactory<HostDb>>();
        string database;
        try
        {
            await using var db = await dbs.CreateDbContextAsync(context.RequestAborted);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            database = await db.Database.CanConnectAsync(timeout.Token) ? "Healthy" : "Unhealthy";
        }
        catch (Exception)
        {
            database = "Unhealthy";
        }
        var healthy = database == "Healthy";
        context.Response.StatusCode = healthy ? 200 : 503;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new { status = healthy ? "Healthy" : "Unhealthy", hostDatabase = database });
    }
}

using System.Threading.RateLimiting;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// Public registration, cancellation and evaluation posts are limited per client address and campus
/// (CampusKonseling:Programs:PostsPerMinute, default 20), like the intake forms; the page that answers
/// a refused post is the platform's.
/// </summary>
public static class ProgramRateLimit
{
    public const string Policy = "program-publik";

    public static IServiceCollection AddProgramRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("lihat");
            var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("CampusKonseling:Programs:PostsPerMinute", 20);
            var tenant = context.RequestServices.GetRequiredService<CurrentShell>() is { HasShell: true } c ? c.Shell.Name : "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
}

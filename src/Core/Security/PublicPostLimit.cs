using System.Threading.RateLimiting;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Security;

/// <summary>
/// The public pages' posts (intake forms, programme registration, personal-data requests) are limited per campus and
/// client address: a fixed window of so many posts a minute, read from configuration; reading a page is never limited.
/// </summary>
public static class PublicPostLimit
{
    /// <param name="policy">The rate-limiter policy's name, given to the pages' <c>[EnableRateLimiting]</c>.</param>
    /// <param name="configKey">The setting with the posts allowed per minute, e.g. <c>CampusKonseling:Forms:PostsPerMinute</c>.</param>
    /// <param name="perMinute">The default when the setting is absent.</param>
    /// <param name="spare">Posts that are not limited (people who are signed in and answerable), or null.</param>
    public static IServiceCollection AddPublicPostLimit(this IServiceCollection services, string policy, string configKey, int perMinute, Func<HttpContext, bool>? spare = null) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || spare?.Invoke(context) == true) return RateLimitPartition.GetNoLimiter("lihat");
            var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(configKey, perMinute);
            var tenant = context.RequestServices.GetRequiredService<CurrentShell>() is { HasShell: true } c ? c.Shell.Name : "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
}

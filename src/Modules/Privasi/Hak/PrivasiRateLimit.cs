using System.Threading.RateLimiting;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// The public "Data pribadi saya" posts not signed in (a link to an address, a request through a link) are limited per client
/// address and campus (CampusKonseling:Privasi:PostsPerMinute, default 10): nobody sends the campus's mail to a list of strangers.
/// </summary>
public static class PrivasiRateLimit
{
    public const string Policy = "privasi-publik";

    public static IServiceCollection AddPrivasiRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context =>
        {
            // Signed-in people are known and answerable, except that asking for a link mails an address: that is limited for everyone.
            if (!HttpMethods.IsPost(context.Request.Method)
                || (context.User.Identity?.IsAuthenticated == true && !string.Equals(context.Request.Query["handler"], "Tautan", StringComparison.OrdinalIgnoreCase)))
                return RateLimitPartition.GetNoLimiter("lihat");
            var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("CampusKonseling:Privasi:PostsPerMinute", 10);
            var tenant = context.RequestServices.GetRequiredService<CurrentShell>() is { HasShell: true } c ? c.Shell.Name : "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
}

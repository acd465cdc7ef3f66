using CampusKonseling.Security;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>
/// Headers every response carries: the request's Content-Security-Policy (nonce scripts only, framed only by the
/// platform or a campus's listed sites), no content sniffing, no case addresses in Referer, and HSTS once the
/// request came over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    // No includeSubDomains: a campus on its own host name under its university's domain (konseling.unipma.ac.id)
    // must not force HTTPS on the university's other sites, which the platform neither knows nor serves.
    public const string Hsts = "max-age=31536000";

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            // Forwarded headers ran first: behind a TLS proxy IsHttps is the browser's scheme, never a plain-http guess.
            if (context.Request.IsHttps) headers.StrictTransportSecurity = Hsts;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                var policy = ContentSecurityPolicy.For(context);
                headers.ContentSecurityPolicy = policy.Header;
                if (policy.FramedBySelfOnly) headers.TryAdd("X-Frame-Options", "SAMEORIGIN");
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using System.Net;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Routing;

/// <summary>
/// Serves only host names the platform knows: the host of CampusKonseling:PublicUrl, the campuses' own host
/// names (read from the registry, so a campus added at run time answers at once), names listed in
/// CampusKonseling:AllowedHosts, and loopback (health checks and development; no outside DNS name can point
/// a browser at a loopback name). Anything else gets 400 instead of the default campus, so a hostile DNS name
/// or a forged Host header cannot borrow the platform's pages. ASP.NET Core's own AllowedHosts stays "*":
/// it is read once at start and cannot know campuses created later.
/// </summary>
public sealed class HostNameFilter(RequestDelegate next, ITenantRegistry registry, IConfiguration configuration, ILogger<HostNameFilter> logger)
{
    private static readonly TimeSpan RefreshUnknownAfter = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _configured = ConfiguredHosts(configuration);

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (IsLoopback(host) || _configured.Contains(host)
            || IsCampusHost(await registry.ListAsync(context.RequestAborted), host)
            || IsCampusHost(await registry.ListFreshAsync(RefreshUnknownAfter, context.RequestAborted), host))
        {
            await next(context);
            return;
        }
        logger.LogWarning("Refused a request for host name {Host}: not CampusKonseling:PublicUrl, a campus host name or in CampusKonseling:AllowedHosts", host);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Nama host tidak dikenal. / Unknown host name.");
    }

    private static bool IsCampusHost(IReadOnlyList<TenantInfo> tenants, string host) =>
        tenants.Any(t => t.HostNames.Contains(host, StringComparer.OrdinalIgnoreCase));

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static HashSet<string> ConfiguredHosts(IConfiguration configuration)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Uri.TryCreate(configuration["CampusKonseling:PublicUrl"], UriKind.Absolute, out var publicUrl)) hosts.Add(publicUrl.Host);
        var section = configuration.GetSection("CampusKonseling:AllowedHosts");
        foreach (var value in section.GetChildren().Select(c => c.Value).Append(section.Value))
            foreach (var name in (value ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
                hosts.Add(name);
        return hosts;
    }
}

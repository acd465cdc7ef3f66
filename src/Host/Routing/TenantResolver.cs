using CampusKonseling.Shell;

namespace CampusKonseling.Host.Routing;

public sealed record TenantMatch(TenantInfo Tenant, PathString Prefix);

/// <summary>Finds the campus of a request: by host name first, then by the first path segment, else the host tenant.</summary>
public sealed class TenantResolver(ITenantRegistry registry)
{
    public async Task<TenantMatch?> ResolveAsync(HttpRequest request, CancellationToken ct)
    {
        var tenants = await registry.ListAsync(ct);
        var host = request.Host.Host;
        var byHost = tenants.FirstOrDefault(t => t.HostNames.Contains(host, StringComparer.OrdinalIgnoreCase));
        if (byHost is not null) return new TenantMatch(byHost, PathString.Empty);

        var path = request.Path.Value ?? "/";
        var segment = path.TrimStart('/').Split('/', 2)[0];
        if (segment.Length > 0)
        {
            var byPrefix = tenants.FirstOrDefault(t => t.UrlPrefix.Length > 0 && t.UrlPrefix.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (byPrefix is not null) return new TenantMatch(byPrefix, "/" + segment);
        }
        var fallback = tenants.FirstOrDefault(t => t.IsDefault);
        return fallback is null ? null : new TenantMatch(fallback, PathString.Empty);
    }
}

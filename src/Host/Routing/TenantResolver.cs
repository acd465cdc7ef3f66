using CampusKonseling.Shell;

namespace CampusKonseling.Host.Routing;

public sealed record TenantMatch(TenantInfo Tenant, PathString Prefix);

/// <summary>
/// Finds the campus of a request: by host name first, then by the first path segment, else the
/// host tenant. A name the cached registry does not know, or knows only as not yet set up, makes it
/// read the registry again (at most once a second), so a campus created on another node or by the
/// CLI answers at once.
/// </summary>
public sealed class TenantResolver(ITenantRegistry registry)
{
    private static readonly TimeSpan RefreshUnknownAfter = TimeSpan.FromSeconds(1);

    public async Task<TenantMatch?> ResolveAsync(HttpRequest request, CancellationToken ct) =>
        // A campus cached while it was being set up (by the CLI or another node) is read again too: it may be running now.
        Match(request, await registry.ListAsync(ct), out var known) is { } match && known && match.Tenant.State != TenantState.Uninitialized
            ? match
            : Match(request, await registry.ListFreshAsync(RefreshUnknownAfter, ct), out _);

    /// <summary>The tenant for the request; <paramref name="known"/> is false when it fell back to the host tenant.</summary>
    private static TenantMatch? Match(HttpRequest request, IReadOnlyList<TenantInfo> tenants, out bool known)
    {
        known = true;
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
        known = segment.Length == 0;
        var fallback = tenants.FirstOrDefault(t => t.IsDefault);
        return fallback is null ? null : new TenantMatch(fallback, PathString.Empty);
    }
}

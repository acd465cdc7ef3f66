using CampusKonseling.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CampusKonseling.Tests.Security;

/// <summary>One route of the running app with what a probe needs: a sample path, its method and its declared access.</summary>
public sealed record ProbeRoute(string Pattern, string Method, bool IsPage, string Path, string? PathWithoutOptional,
    IReadOnlyList<string> Permissions, bool RequiresAuthentication)
{
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// The routes of the running app, read from its endpoint table (minimal APIs and compiled Razor pages alike),
/// so a matrix built from it covers a new endpoint without anyone adding it. Route values are sampled from
/// their constraints; a route whose values cannot be sampled is listed in <see cref="Skipped"/> with the reason.
/// </summary>
public sealed class RouteTable
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["documentName"] = "v1", ["slug"] = "contoh", ["nim"] = "9999999999",
    };

    public List<ProbeRoute> Routes { get; } = [];
    public List<string> Skipped { get; } = [];

    public static async Task<RouteTable> ReadAsync(IServiceProvider services)
    {
        var table = new RouteTable();
        var loader = services.GetRequiredService<PageLoader>();
        var seen = new HashSet<string>();
        foreach (var source in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var endpoint = source;
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            // Pages not yet compiled carry their model's [Authorize] only once loaded, as the matcher would load them.
            if (page is not null and not CompiledPageActionDescriptor)
                endpoint = (RouteEndpoint?)(await loader.LoadAsync(page, endpoint.Metadata)).Endpoint ?? endpoint;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"];
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var permissions = authorize.Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
                .Select(p => p[PermissionPolicy.Prefix.Length..]).Distinct().Order().ToList();
            var path = Sample(endpoint.RoutePattern, includeOptional: true, out var reason);
            foreach (var method in methods.Where(x => x != "OPTIONS" && x != "HEAD"))
            {
                if (!seen.Add($"{method} {pattern}")) continue;
                if (path is null) { table.Skipped.Add($"{method} {pattern}: {reason}"); continue; }
                var required = endpoint.RoutePattern.Parameters.Any(p => !p.IsOptional && p.Default is null);
                table.Routes.Add(new ProbeRoute(pattern, method, page is not null, path,
                    required ? null : Sample(endpoint.RoutePattern, includeOptional: false, out _), permissions, authorize.Count > 0 && !anonymous));
            }
        }
        return table;
    }

    private static string? Sample(RoutePattern pattern, bool includeOptional, out string? reason)
    {
        reason = null;
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: text += literal.Content; break;
                    case RoutePatternSeparatorPart separator: text += separator.Content; break;
                    case RoutePatternParameterPart p when p.IsOptional && !includeOptional: break;
                    case RoutePatternParameterPart p:
                        var value = ValueFor(p);
                        if (value is null) { reason = $"no sample for {{{p.Name}}} ({string.Join(",", p.ParameterPolicies.Select(x => x.Content))})"; return null; }
                        text += value;
                        break;
                }
            }
            if (text.Length > 0) segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    private static string? ValueFor(RoutePatternParameterPart p)
    {
        if (p.Default is { } d) return Uri.EscapeDataString(d.ToString()!);
        var constraints = p.ParameterPolicies.Select(x => x.Content ?? "").ToList();
        if (constraints.Any(c => c == "guid")) return "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        if (constraints.Any(c => c is "int" or "long" || c.StartsWith("min(") || c.StartsWith("max(") || c.StartsWith("range("))) return "1";
        if (constraints.Any(c => c == "bool")) return "true";
        if (constraints.Any(c => c == "datetime")) return "2026-01-05";
        if (constraints.Any(c => c.StartsWith("regex("))) return null;
        return ByName.TryGetValue(p.Name, out var byName) ? byName : "contoh";
    }
}

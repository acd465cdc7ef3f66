using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Shell;

/// <summary>
/// Absolute addresses for messages read outside the site: the campus's own host name, else the
/// platform's public URL (CampusKonseling:PublicUrl) with the campus prefix; none when neither is known.
/// </summary>
public sealed class PublicLinks(CurrentShell current, IConfiguration configuration)
{
    public string? Absolute(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return path;
        var tenant = current.Shell.Tenant;
        if (tenant.HostNames.FirstOrDefault() is { } host) return $"https://{host}/{path.TrimStart('/')}";
        if (configuration["CampusKonseling:PublicUrl"] is { Length: > 0 } baseUrl)
            return $"{baseUrl.TrimEnd('/')}/{(tenant.UrlPrefix.Length > 0 ? tenant.UrlPrefix.Trim('/') + "/" : "")}{path.TrimStart('/')}";
        return null;
    }
}

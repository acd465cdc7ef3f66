using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampusKonseling.Shell;

/// <summary>
/// The one way to write a link into a message read outside the site (e-mail, SMS, a notice's mail): absolute, on the
/// campus's own host name when it has one, else on the platform's public URL (CampusKonseling:PublicUrl) with the campus's
/// prefix. Never from the request, so a forged Host header cannot lead a mail elsewhere. A server without PublicUrl
/// outside Production (a developer's <c>dotnet run</c>) links to the address it listens on; in Production there is none
/// and the link is null (README: PublicUrl is required there).
/// </summary>
public sealed class PublicLinks(CurrentShell current, IConfiguration configuration, IServiceProvider services)
{
    /// <summary>"https://konseling.kampus.ac.id" or "https://konseling.example.ac.id/unipma", without a trailing slash; null when unknown.</summary>
    public string? Base
    {
        get
        {
            var tenant = current.Shell.Tenant;
            if (tenant.HostNames.FirstOrDefault() is { Length: > 0 } host) return $"https://{host}";
            var root = configuration["CampusKonseling:PublicUrl"] is { Length: > 0 } configured ? configured : Listening();
            if (root is null) return null;
            var prefix = tenant.UrlPrefix.Trim('/');
            return prefix.Length > 0 ? $"{root.TrimEnd('/')}/{prefix}" : root.TrimEnd('/');
        }
    }

    /// <summary>The campus page at <paramref name="path"/> ("formulir/status"), absolute; an absolute address is returned as given.</summary>
    public string? Absolute(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return path;
        return Base is { } root ? $"{root}/{path.TrimStart('~').TrimStart('/')}" : null;
    }

    /// <summary>The first address Kestrel listens on, with a wildcard host read as localhost; never in Production.</summary>
    private string? Listening()
    {
        if (services.GetService<IHostEnvironment>() is not { } environment || environment.IsProduction()) return null;
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (address is null) return null;
        if (!Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) return null;
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}

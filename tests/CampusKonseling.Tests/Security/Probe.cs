using System.Net;
using System.Text;

namespace CampusKonseling.Tests.Security;

/// <summary>Raw requests with exactly the credentials given (no cookie jar, no redirects followed), as an attacker would send them.</summary>
public sealed class Probe(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    public int Count { get; private set; }

    public async Task<(HttpStatusCode Status, string? Location)> SendAsync(string method, string path, string? cookie = null, string? apiKey = null, string? host = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (host is not null) request.Headers.Host = host;
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        Count++;
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    public static bool Is2xx(HttpStatusCode s) => (int)s is >= 200 and < 300;
    public static bool Is5xx(HttpStatusCode s) => (int)s >= 500;
    public static bool IsRedirect(HttpStatusCode s) => (int)s is 301 or 302 or 303 or 307 or 308;

    public void Dispose() => _http.Dispose();
}

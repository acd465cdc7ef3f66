using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Behind a TLS proxy (which says X-Forwarded-Proto: https, trusted from loopback) the browser is told to use HTTPS
/// only for a year; a plain-http answer never says so. Not for subdomains: a campus on konseling.kampus.ac.id must
/// not force HTTPS on its university's other sites.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StrictTransportSecurityTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync() => _campus = await platform.CreateTenantAsync("konseling-asesmen", "hsts");

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/akun/masuk")]
    [InlineData("/api/v1/halaman")]
    [InlineData("/tidak-ada")]
    public async Task Https_through_the_proxy_gets_hsts_for_a_year_without_subdomains(string path)
    {
        using var client = platform.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, (_campus.Prefix + path).TrimStart('/'));
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.Http.SendAsync(request);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"{path} has no HSTS over https");
        Assert.Equal("max-age=31536000", values!.Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/halaman")]
    public async Task Plain_http_never_gets_hsts(string path)
    {
        using var client = platform.Client();
        using var response = await client.GetAsync(_campus.Prefix + path);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        using var request = new HttpRequestMessage(HttpMethod.Get, (_campus.Prefix + path).TrimStart('/'));
        request.Headers.Add("X-Forwarded-Proto", "http");
        using var forwarded = await client.Http.SendAsync(request);
        Assert.False(forwarded.Headers.Contains("Strict-Transport-Security"));
    }
}

using System.Net;
using System.Text;
using CampusKonseling.Host.Infrastructure;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Browsers post violation reports to the platform; anyone else can post there too. A report becomes a short
/// summary (directive, blocked origin, page path) and nothing of its body; garbage is refused without a 500,
/// and one address cannot flood the log.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CspReportTests(PlatformFixture platform)
{
    private const string Path = "_csp/laporan";

    private static HttpRequestMessage Report(string body, string type = "application/csp-report", string? from = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(type);
        if (from is not null) request.Headers.Add("X-Forwarded-For", from);
        return request;
    }

    [Fact]
    public async Task A_browser_report_is_accepted_and_logged_as_a_short_summary_without_its_body()
    {
        using var client = platform.Client();
        var page = $"http://127.0.0.1/unipma/halaman/rahasia-{Guid.NewGuid():N}?token=geheim";
        using var legacy = await client.Http.SendAsync(Report($$$"""
            {"csp-report":{"document-uri":"{{{page}}}","effective-directive":"script-src-elem","violated-directive":"script-src-elem",
             "blocked-uri":"https://evil.example/steal.js?c=cookie-isi","script-sample":"fetch('/ipdn/admin/kasus')<b>","original-policy":"x"}}
            """, from: "198.51.100.10"));
        Assert.Equal(HttpStatusCode.NoContent, legacy.StatusCode);

        using var modern = await client.Http.SendAsync(Report($$$"""
            [{"type":"csp-violation","url":"{{{page}}}","body":{"documentURL":"{{{page}}}","effectiveDirective":"script-src-attr","blockedURL":"inline","sample":"alert(1)"}}]
            """, "application/reports+json", "198.51.100.10"));
        Assert.Equal(HttpStatusCode.NoContent, modern.StatusCode);

        var logged = platform.Services.GetRequiredService<CspViolationLog>().Recent().Where(v => v.DocumentPath == new Uri(page).AbsolutePath).ToList();
        Assert.Contains(new CspViolation("script-src-elem", "https://evil.example", new Uri(page).AbsolutePath), logged);
        Assert.Contains(new CspViolation("script-src-attr", "inline", new Uri(page).AbsolutePath), logged);
        Assert.DoesNotContain(logged, v => (v.Blocked + v.DocumentPath).Contains("cookie-isi") || (v.Blocked + v.DocumentPath).Contains("geheim"));
    }

    [Theory]
    [InlineData("", "application/csp-report")]
    [InlineData("not json", "application/csp-report")]
    [InlineData("{\"csp-report\": 5}", "application/csp-report")]
    [InlineData("[1, \"x\", {\"type\": 3}]", "application/reports+json")]
    [InlineData("{\"csp-report\":{\"blocked-uri\":\"\\ud800\"}}", "application/csp-report")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "application/json")]
    public async Task Garbage_is_never_a_server_error(string body, string type)
    {
        using var client = platform.Client();
        using var response = await client.Http.SendAsync(Report(body, type, "198.51.100.20"));
        Assert.True((int)response.StatusCode < 500, $"{body}: {response.StatusCode}");
    }

    [Fact]
    public async Task An_oversized_report_is_refused_and_one_address_cannot_flood_the_log()
    {
        using var client = platform.Client();
        using (var huge = await client.Http.SendAsync(Report("{\"csp-report\":{\"x\":\"" + new string('a', 100_000) + "\"}}", from: "198.51.100.30")))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.Http.SendAsync(Report("{\"csp-report\":{\"effective-directive\":\"img-src\"}}", from: "198.51.100.31"));
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        using var other = await client.Http.SendAsync(Report("{\"csp-report\":{\"effective-directive\":\"img-src\"}}", from: "198.51.100.32"));
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }

    [Fact]
    public async Task Reading_the_report_address_is_not_allowed()
    {
        using var client = platform.Client();
        using var response = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

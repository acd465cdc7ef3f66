using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Features;

/// <summary>The per-campus REST API under /{prefix}/api/v1 and its OpenAPI document.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _unpam = null!;
    private TestTenant _noPages = null!;

    public async Task InitializeAsync()
    {
        _unpam = await platform.CreateTenantAsync("unpam", "api");
        _noPages = await platform.CreateTenantAsync("iuqi", "api");
        await platform.SetFeatureAsync(_noPages, "Pages", enabled: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_campus_describes_itself_and_lists_its_pages()
    {
        using var client = platform.Client();
        var campus = await client.Http.GetFromJsonAsync<JsonElement>($"{_unpam.Prefix}/api/v1/kampus");
        Assert.Equal("Universitas Pamulang", campus.GetProperty("campusName").GetString());
        Assert.Equal("Asia/Jakarta", campus.GetProperty("timeZone").GetString());
        Assert.Contains("sabtu", campus.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));

        var pages = await client.Http.GetFromJsonAsync<JsonElement>($"{_unpam.Prefix}/api/v1/halaman");
        Assert.Contains("faq", pages.EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        var faq = await client.Http.GetFromJsonAsync<JsonElement>($"{_unpam.Prefix}/api/v1/halaman/faq");
        Assert.Contains("<h1", faq.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_missing_page_is_a_problem_detail_in_the_callers_language()
    {
        using var client = platform.Client();
        using var indonesian = await client.GetAsync($"{_unpam.Prefix}/api/v1/halaman/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, indonesian.StatusCode);
        Assert.Equal("application/problem+json", indonesian.Content.Headers.ContentType!.MediaType);
        var problem = await indonesian.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Halaman tidak ditemukan", problem.GetProperty("title").GetString());

        using var english = await client.GetAsync($"{_unpam.Prefix}/api/v1/halaman/tidak-ada", language: "en");
        Assert.Equal("Page not found", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_api_of_a_disabled_feature_is_not_found_and_not_documented()
    {
        using var client = platform.Client();
        using var response = await client.GetAsync($"{_noPages.Prefix}/api/v1/halaman");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        var withPages = await client.Http.GetFromJsonAsync<JsonElement>($"{_unpam.Prefix}/openapi/v1.json");
        var without = await client.Http.GetFromJsonAsync<JsonElement>($"{_noPages.Prefix}/openapi/v1.json");
        Assert.True(withPages.GetProperty("paths").TryGetProperty("/api/v1/halaman", out _));
        Assert.False(without.GetProperty("paths").TryGetProperty("/api/v1/halaman", out _));
        Assert.True(without.GetProperty("paths").TryGetProperty("/api/v1/kampus", out _));
        Assert.Contains("Institut Ummul Quro", without.GetProperty("info").GetProperty("title").GetString());
    }
}

using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Tenancy;

[Collection(PlatformCollection.Name)]
public sealed class TenantRoutingTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private string _hostName = null!;

    public async Task InitializeAsync()
    {
        _hostName = $"konseling.{platform.NewTenantName("kampus")}.ac.id";
        _campus = await platform.CreateTenantAsync("unipma", "route", [_hostName]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_campus_answers_under_its_url_prefix()
    {
        using var client = platform.Client();
        var (status, page) = await client.PageAsync($"{_campus.Prefix}/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Universitas PGRI Madiun", page.QuerySelector(".site-header")!.TextContent);
        Assert.Equal($"/{_campus.Prefix}/halaman/faq", page.QuerySelector("nav a[href$='/halaman/faq']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_same_campus_answers_under_its_own_host_name_without_prefix()
    {
        using var client = platform.Client();
        var (status, page) = await client.PageAsync("halaman/faq", host: _hostName);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Universitas PGRI Madiun", page.QuerySelector(".site-header")!.TextContent);
        Assert.Equal("/halaman/faq", page.QuerySelector("nav a[href$='/halaman/faq']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Unknown_prefixes_fall_to_the_host_site_and_are_not_found()
    {
        using var client = platform.Client();
        var (status, page) = await client.PageAsync("kampus-yang-tidak-ada/halaman/faq");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Halaman tidak ditemukan", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_root_is_the_host_administration_site()
    {
        using var client = platform.Client();
        var (status, page) = await client.PageAsync("");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("CampusKonseling", page.QuerySelector(".site-header")!.TextContent);
        Assert.DoesNotContain("Universitas PGRI Madiun", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_gets_a_plain_explanation_on_the_campus_site()
    {
        using var client = platform.Client();
        using var response = await client.Http.PostAsync($"{_campus.Prefix}/akun/masuk", new FormUrlEncodedContent([new("Input.Email", "a@b.c")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Formulir tidak dapat diproses", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains("Universitas PGRI Madiun", page.QuerySelector(".site-header")!.TextContent);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_language_switch_only_goes_back_within_the_site(string kembali)
    {
        using var client = platform.Client();
        using var response = await client.GetAsync($"{_campus.Prefix}/bahasa/en?kembali={Uri.EscapeDataString(kembali)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{_campus.Prefix}/", response.Headers.Location!.OriginalString);
    }
}

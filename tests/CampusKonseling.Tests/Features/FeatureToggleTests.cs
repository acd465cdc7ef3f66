using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Features;

[Collection(PlatformCollection.Name)]
public sealed class FeatureToggleTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync() => _campus = await platform.CreateTenantAsync("unpam", "feat");
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_disabled_feature_has_no_routes_and_no_menu_entries_until_enabled_again()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, before) = await admin.PageAsync($"{_campus.Prefix}/admin");
        Assert.NotNull(before.QuerySelector("nav.admin-nav a[data-menu='admin/halaman']"));

        using (var disabled = await admin.SubmitAsync($"{_campus.Prefix}/admin/fitur", "li[data-feature='Pages'] form", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var (_, features) = await admin.PageAsync($"{_campus.Prefix}/admin/fitur");
        Assert.Contains("Fitur dinonaktifkan: Halaman kampus.", features.QuerySelector(".alert.success")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PageAsync($"{_campus.Prefix}/halaman/faq")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PageAsync($"{_campus.Prefix}/admin/halaman")).Status);
        var (_, dashboard) = await admin.PageAsync($"{_campus.Prefix}/admin");
        Assert.Null(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/halaman']"));
        var (_, home) = await admin.PageAsync($"{_campus.Prefix}/");
        Assert.Null(home.QuerySelector("nav a[href*='/halaman/']"));

        using (var enabled = await admin.SubmitAsync($"{_campus.Prefix}/admin/fitur", "li[data-feature='Pages'] form", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PageAsync($"{_campus.Prefix}/halaman/faq")).Status);
        var (_, after) = await admin.PageAsync($"{_campus.Prefix}/admin");
        Assert.NotNull(after.QuerySelector("nav.admin-nav a[data-menu='admin/halaman']"));
    }

    [Fact]
    public async Task Core_features_cannot_be_disabled_and_host_only_features_are_not_offered()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, page) = await admin.PageAsync($"{_campus.Prefix}/admin/fitur");
        Assert.Null(page.QuerySelector("li[data-feature='Identity'] form"));
        Assert.Contains("Fitur inti", page.QuerySelector("li[data-feature='Identity']")!.TextContent);
        Assert.Null(page.QuerySelector("li[data-feature='Tenants']"));

        // Posting the disable anyway is refused with a clear message.
        using var response = await admin.PostWithTokenAsync(page, $"{_campus.Prefix}/admin/fitur?handler=Disable&id=Identity", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await admin.PageAsync($"{_campus.Prefix}/admin/fitur");
        Assert.Contains("fitur inti dan tidak dapat dinonaktifkan", after.QuerySelector(".alert.error")!.TextContent);
    }

    [Fact]
    public async Task Host_only_routes_are_not_found_in_a_campus()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PageAsync($"{_campus.Prefix}/admin/kampus")).Status);
    }
}

using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Tenancy;

[Collection(PlatformCollection.Name)]
public sealed class SettingsTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("ipdn", "atur");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_campus_admin_renames_the_unit_and_the_site_shows_it()
    {
        var (_, form) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal("Institut Pemerintahan Dalam Negeri (IPDN)", form.QuerySelector("input[name='Input.CampusName']")!.GetAttribute("value"));
        Assert.Equal("07:30", form.QuerySelector("input[name='Input.WorkStart']")!.GetAttribute("value")![..5]);

        using var saved = await _admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.UnitName"] = "Unit BK Praja", ["Input.PrimaryColor"] = "#224466",
        }, $"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, home) = await _admin.PageAsync($"{_campus.Prefix}/");
        Assert.Contains("Unit BK Praja", home.QuerySelector(".site-header")!.TextContent);
        Assert.Contains("--primary: #224466", home.QuerySelector("head style")!.TextContent);
    }

    [Fact]
    public async Task Bad_settings_are_explained_beside_their_fields_and_nothing_is_saved()
    {
        var (_, form) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        using var response = await _admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.CampusName"] = "", ["Input.UnitName"] = "Tidak tersimpan", ["Input.AccentColor"] = "kuning", ["Input.WorkStart"] = "17:00",
        }, $"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Nama kampus wajib diisi.", page.QuerySelector("span[data-valmsg-for='Input.CampusName']")!.TextContent);
        Assert.Equal("Warna harus berbentuk #rrggbb.", page.QuerySelector("span[data-valmsg-for='Input.AccentColor']")!.TextContent);
        Assert.Equal("Jam selesai harus setelah jam mulai.", page.QuerySelector("span[data-valmsg-for='Input.WorkEnd']")!.TextContent);
        Assert.Equal("Tidak tersimpan", page.QuerySelector("input[name='Input.UnitName']")!.GetAttribute("value"));

        var (_, home) = await _admin.PageAsync($"{_campus.Prefix}/");
        Assert.DoesNotContain("Tidak tersimpan", home.Body!.TextContent);
    }
}

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

    [Fact]
    public async Task The_campus_admin_uploads_a_logo_and_both_headers_show_it_from_the_campus_itself()
    {
        var path = $"{_campus.Prefix}/admin/pengaturan";
        // A file that only calls itself a PNG, and an SVG (which can carry script), are refused with a message beside the field.
        foreach (var (name, bytes, type) in new[] { ("logo.png", "MZ bukan gambar"u8.ToArray(), "image/png"), ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml") })
        {
            using var refused = await UploadLogoAsync(path, name, bytes, type);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("Logo harus berupa gambar PNG atau JPG.", (await TestClient.ParseAsync(refused)).QuerySelector("#logo-galat")!.TextContent);
        }
        var (_, before) = await _admin.PageAsync($"{_campus.Prefix}/");
        Assert.DoesNotContain("_logo/", before.QuerySelector(".site-header")!.InnerHtml);

        using var saved = await UploadLogoAsync(path, "logo.png", Png, "image/png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, home) = await _admin.PageAsync($"{_campus.Prefix}/");
        var src = home.QuerySelector(".site-header .brand img")!.GetAttribute("src")!;
        Assert.Matches($"^/{_campus.Prefix}/_logo/[0-9a-f]{{16}}$", src);
        var (_, staff) = await _admin.PageAsync($"{_campus.Prefix}/admin");
        Assert.Equal(src, staff.QuerySelector(".admin-header .brand img")!.GetAttribute("src"));

        // Anyone may fetch it (the public site shows it), as the image it was checked to be, cacheable because its address is its content.
        using var anonymous = platform.Client();
        using var logo = await anonymous.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", logo.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        using var stale = await anonymous.GetAsync($"{_campus.Prefix}/_logo/0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);

        // Removed: the headers no longer name it and its address is gone.
        var (_, settings) = await _admin.PageAsync(path);
        using (var removed = await _admin.SubmitAsync(settings, "form.remove-logo", new Dictionary<string, string>(), path))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await _admin.PageAsync($"{_campus.Prefix}/")).Page.QuerySelector(".site-header .brand img[src*='_logo/']"));
        using var gone = await anonymous.GetAsync(src);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>A real 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<HttpResponseMessage> UploadLogoAsync(string path, string name, byte[] bytes, string type)
    {
        var (_, page) = await _admin.PageAsync(path);
        var token = page.QuerySelector("form.upload-logo input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "logo", name } };
        return await _admin.Http.PostAsync($"{path.TrimStart('/')}?handler=Logo", content);
    }
}

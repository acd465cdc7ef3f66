using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Identity;

/// <summary>A campus admin grants a permission through a new role and a new user gets it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RolesAndUsersTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "peran");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_role_with_a_permission_opens_that_part_of_the_staff_area_to_its_users()
    {
        using (var role = await _admin.SubmitAsync($"{_campus.Prefix}/admin/peran/baru", "main form", new Dictionary<string, string>
        {
            ["RoleName"] = "Redaksi Situs", ["Description"] = "Menyunting halaman", ["Granted"] = "ManagePages",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        }
        // Checkbox lists post one value per box; AccessAdmin is added the same way.
        var (_, roles) = await _admin.PageAsync($"{_campus.Prefix}/admin/peran");
        var link = roles.QuerySelectorAll("table a").Single(a => a.TextContent == "Redaksi Situs").GetAttribute("href")!;
        var (_, edit) = await _admin.PageAsync(link);
        var token = edit.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var grant = await _admin.Http.PostAsync(link.TrimStart('/'), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("RoleName", "Redaksi Situs"), new("Description", "Menyunting halaman"),
            new("Granted", "ManagePages"), new("Granted", "AccessAdmin"),
        ])))
        {
            Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        }

        using (var user = await _admin.SubmitAsync($"{_campus.Prefix}/admin/pengguna/baru", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Sri Wahyuni", ["Input.Email"] = "sri@kampus.test", ["Input.Password"] = "Mulai12345", ["Input.Roles"] = "Redaksi Situs",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, user.StatusCode);
        }

        using var editor = platform.Client();
        await editor.SignInAsync(_campus.Prefix, "sri@kampus.test", "Mulai12345");
        var (status, dashboard) = await editor.PageAsync($"{_campus.Prefix}/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/halaman']"));
        Assert.Null(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/pengguna']"));
        Assert.Equal(HttpStatusCode.OK, (await editor.PageAsync($"{_campus.Prefix}/admin/halaman")).Status);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_beside_the_field_and_the_form_keeps_its_values()
    {
        using var response = await _admin.SubmitAsync($"{_campus.Prefix}/admin/pengguna/baru", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Orang Lain", ["Input.Email"] = _campus.AdminEmail, ["Input.Password"] = "Mulai12345",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains($"E-mail '{_campus.AdminEmail}' sudah dipakai.", page.QuerySelector("span[data-valmsg-for='Input.Email']")!.TextContent);
        Assert.Equal("Orang Lain", page.QuerySelector("input[name='Input.FullName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_weak_password_is_explained_in_indonesian()
    {
        using var response = await _admin.SubmitAsync($"{_campus.Prefix}/admin/pengguna/baru", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Budi", ["Input.Email"] = "budi@kampus.test", ["Input.Password"] = "pendek",
        });
        var page = await TestClient.ParseAsync(response);
        var message = page.QuerySelector("span[data-valmsg-for='Input.Password']")!.TextContent;
        Assert.Contains("Kata sandi minimal 8 karakter.", message);
    }
}

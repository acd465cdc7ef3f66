using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>Two campuses made from two recipes see nothing of each other: users, pages, settings.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TenantIsolationTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _unipma = null!;
    private TestTenant _ipdn = null!;

    public async Task InitializeAsync()
    {
        _unipma = await platform.CreateTenantAsync("unipma", "iso");
        _ipdn = await platform.CreateTenantAsync("ipdn", "iso");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_campus_shows_its_own_settings()
    {
        using var client = platform.Client();
        var (_, a) = await client.PageAsync($"{_unipma.Prefix}/");
        var (_, b) = await client.PageAsync($"{_ipdn.Prefix}/");
        Assert.Contains("Universitas PGRI Madiun", a.QuerySelector(".site-header")!.TextContent);
        Assert.DoesNotContain("Universitas PGRI Madiun", b.Body!.TextContent);
        Assert.Contains("Institut Pemerintahan Dalam Negeri", b.QuerySelector(".site-header")!.TextContent);
    }

    [Fact]
    public async Task A_page_edited_in_one_campus_does_not_change_the_other()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_unipma.Prefix, _unipma.AdminEmail, _unipma.AdminPassword);
        using var created = await admin.SubmitAsync($"{_unipma.Prefix}/admin/halaman/baru", "form.card", new Dictionary<string, string>
        {
            ["Input.Title"] = "Hanya di UNIPMA", ["Input.Slug"] = "hanya-unipma", ["Input.Body"] = "Rahasia **UNIPMA**", ["Input.Order"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var visitor = platform.Client();
        Assert.Equal(HttpStatusCode.OK, (await visitor.PageAsync($"{_unipma.Prefix}/halaman/hanya-unipma")).Status);
        var (status, _) = await visitor.PageAsync($"{_ipdn.Prefix}/halaman/hanya-unipma");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Users_of_one_campus_cannot_sign_in_to_another()
    {
        using var client = platform.Client();
        using var response = await client.SubmitAsync($"{_ipdn.Prefix}/akun/masuk", "form", new Dictionary<string, string>
        {
            ["Input.Email"] = _unipma.AdminEmail, ["Input.Password"] = _unipma.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("E-mail atau kata sandi salah.", page.QuerySelector(".alert.error")!.TextContent);
    }

    [Fact]
    public async Task A_sign_in_cookie_of_one_campus_is_refused_by_another()
    {
        using var client = platform.Client();
        await client.SignInAsync(_unipma.Prefix, _unipma.AdminEmail, _unipma.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.PageAsync($"{_unipma.Prefix}/admin/pengguna")).Status);

        // Copy the cookie to the other campus's path: it must not authenticate there.
        var cookie = client.Cookies.GetCookies(new Uri(platform.BaseAddress, $"{_unipma.Prefix}/")).Single(c => c.Name.StartsWith(".ck.auth"));
        client.Cookies.Add(new Cookie($".ck.auth.{_ipdn.Name}", cookie.Value, $"/{_ipdn.Prefix}", platform.BaseAddress.Host));
        using var response = await client.GetAsync($"{_ipdn.Prefix}/admin/pengguna");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_user_list_of_a_campus_holds_only_its_own_users()
    {
        using var client = platform.Client();
        await client.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var (status, page) = await client.PageAsync($"{_ipdn.Prefix}/admin/pengguna");
        Assert.Equal(HttpStatusCode.OK, status);
        var emails = page.QuerySelectorAll("table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(_ipdn.AdminEmail, emails);
        Assert.Contains(emails, e => e.EndsWith("@ipdn.demo"));
        Assert.DoesNotContain(emails, e => e.EndsWith("@unipma.demo") || e == _unipma.AdminEmail);
    }
}

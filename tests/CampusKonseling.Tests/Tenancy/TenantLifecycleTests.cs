using System.Net;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>The host administrator's work on campuses, through the host admin pages.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TenantLifecycleTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestClient _host = null!;

    public async Task InitializeAsync()
    {
        _host = platform.Client();
        await _host.SignInAsync("", PlatformFixture.HostAdminEmail, PlatformFixture.HostAdminPassword);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_host_admin_creates_a_campus_from_a_recipe_and_its_admin_can_sign_in()
    {
        var name = platform.NewTenantName("baru");
        using var response = await _host.SubmitAsync("admin/kampus", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.DisplayName"] = "IUQI Bogor", ["Input.UrlPrefix"] = name, ["Input.HostNames"] = "",
            ["Input.Recipe"] = "iuqi.recipe.json", ["Input.AdminEmail"] = $"admin@{name}.test", ["Input.AdminPassword"] = "Rahasia123",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));

        var (_, list) = await _host.PageAsync("admin/kampus");
        Assert.Contains("Berjalan", list.QuerySelector($"tr[data-tenant='{name}']")!.TextContent);
        using var campusAdmin = platform.Client();
        await campusAdmin.SignInAsync(name, $"admin@{name}.test", "Rahasia123");
        var (status, dashboard) = await campusAdmin.PageAsync($"{name}/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Institut Ummul Quro Al-Islami Bogor", dashboard.QuerySelector(".admin-header")!.TextContent);
    }

    [Fact]
    public async Task Creating_a_campus_with_a_taken_prefix_is_refused_in_indonesian()
    {
        var existing = await platform.CreateTenantAsync("iuqi", "dup");
        using var response = await _host.SubmitAsync("admin/kampus", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Name"] = platform.NewTenantName("dup"), ["Input.DisplayName"] = "Duplikat", ["Input.UrlPrefix"] = existing.Prefix,
            ["Input.Recipe"] = "iuqi.recipe.json", ["Input.AdminEmail"] = "a@b.test", ["Input.AdminPassword"] = "Rahasia123",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains($"Prefiks URL '{existing.Prefix}' sudah dipakai kampus lain.", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("Duplikat", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_disabled_campus_answers_503_until_it_is_enabled_again()
    {
        var campus = await platform.CreateTenantAsync("iuqi", "off");
        using (var off = await _host.SubmitAsync("admin/kampus", $"tr[data-tenant='{campus.Name}'] form[action*='handler=State']", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

        using var visitor = platform.Client();
        var (status, page) = await visitor.PageAsync($"{campus.Prefix}/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("sedang dinonaktifkan", page.Body!.TextContent);

        using (var on = await _host.SubmitAsync("admin/kampus", $"tr[data-tenant='{campus.Name}'] form[action*='handler=State']", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.PageAsync($"{campus.Prefix}/")).Status);
    }

    [Fact]
    public async Task A_campus_whose_database_is_down_fails_alone_and_its_error_is_shown_to_the_host_admin()
    {
        var broken = await platform.CreateTenantAsync("unpam", "rusak");
        var healthy = await platform.CreateTenantAsync("unipma", "sehat");
        var registry = platform.Services.GetRequiredService<ITenantRegistry>();
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var tenant = (await registry.FindAsync(broken.Name))!;
        await registry.SaveAsync(tenant with { ConnectionString = "Host=127.0.0.1;Port=1;Database=tidak_ada;Username=x;Password=x;Timeout=2" });
        await shells.ReloadAsync(broken.Name);
        try
        {
            using var visitor = platform.Client();
            var (status, page) = await visitor.PageAsync($"{broken.Prefix}/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("sedang mengalami gangguan", page.Body!.TextContent);
            Assert.DoesNotContain("Exception", page.Body.TextContent);

            Assert.Equal(HttpStatusCode.OK, (await visitor.PageAsync($"{healthy.Prefix}/halaman/faq")).Status);
            Assert.Equal(HttpStatusCode.OK, (await visitor.PageAsync("")).Status);

            var (_, list) = await _host.PageAsync("admin/kampus");
            Assert.NotNull(list.QuerySelector($"tr[data-tenant='{broken.Name}'] .tenant-failure"));
        }
        finally
        {
            await registry.SaveAsync(tenant);
            await shells.ReloadAsync(broken.Name);
        }
        using var again = platform.Client();
        Assert.Equal(HttpStatusCode.OK, (await again.PageAsync($"{broken.Prefix}/")).Status);
    }

    [Fact]
    public async Task Deleting_a_campus_needs_its_name_typed_and_drops_its_database()
    {
        var campus = await platform.CreateTenantAsync("ipdn", "hapus");
        Assert.True(await TestDatabase.DatabaseExistsAsync(campus.Database));

        using (var wrong = await _host.SubmitAsync($"admin/kampus/{campus.Name}/hapus", "main form", new Dictionary<string, string> { ["Confirmation"] = "salah" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var page = await TestClient.ParseAsync(wrong);
            Assert.Contains($"Ketik '{campus.Name}' persis untuk mengonfirmasi.", page.QuerySelector(".field-error")!.TextContent);
        }
        Assert.True(await TestDatabase.DatabaseExistsAsync(campus.Database));

        using (var right = await _host.SubmitAsync($"admin/kampus/{campus.Name}/hapus", "main form", new Dictionary<string, string> { ["Confirmation"] = campus.Name }))
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        Assert.False(await TestDatabase.DatabaseExistsAsync(campus.Database));
        Assert.Null(await platform.Services.GetRequiredService<ITenantRegistry>().FindAsync(campus.Name));
        var (_, list) = await _host.PageAsync("admin/kampus");
        Assert.Null(list.QuerySelector($"tr[data-tenant='{campus.Name}']"));
        using var visitor = platform.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PageAsync($"{campus.Prefix}/halaman/faq")).Status);
    }

    [Fact]
    public async Task Campus_admins_cannot_open_the_host_administration()
    {
        var campus = await platform.CreateTenantAsync("iuqi", "bukanhost");
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        using var response = await client.GetAsync("admin/kampus");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>Finding 10 (API keys): X-Api-Key authenticates the campus's API only, never the staff pages.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiKeyScopeTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "kunci");
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        using var created = await admin.SubmitAsync($"{_campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = "SIAKAD", ["Peran"] = "TU" });
        _key = (await TestClient.ParseAsync(created)).QuerySelector("#kunci-baru")!.TextContent;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> GetAsync(TestClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_campus.Prefix}/{path}");
        request.Headers.Add("X-Api-Key", _key);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_key_opens_the_api_but_no_staff_page()
    {
        using var client = platform.Client();
        var sops = await client.Http.GetFromJsonAsync<JsonElement>($"{_campus.Prefix}/api/v1/sop");
        var sop = sops.EnumerateArray().First().GetProperty("id").GetString();
        using (var api = await GetAsync(client, $"api/v1/sop/{sop}/instans"))
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        foreach (var page in new[] { "admin", "admin/kasus", "admin/sop" })
        {
            using var response = await GetAsync(client, page);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("akun/masuk"),
                $"{page}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_key_never_opens_notes_even_when_the_host_grants_its_role_the_permission()
    {
        using (var host = platform.Client())
        {
            await host.SignInAsync("", PlatformFixture.HostAdminEmail, PlatformFixture.HostAdminPassword);
            using var granted = await host.SubmitAsync($"admin/kampus/{_campus.Name}/akses-rahasia", "form.grant",
                new Dictionary<string, string> { ["Peran"] = "TU", ["Izin"] = "ReadCounselingNotes", ["NomorSurat"] = "020/P2KLLK/XII/2026" });
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        }

        var shells = platform.Services.GetRequiredService<IShellHost>();
        await using var scope = shells.CreateScope((await shells.GetShellAsync(_campus.Name))!);
        var permissions = scope.ServiceProvider.GetRequiredService<IPermissionService>();
        ClaimsPrincipal As(string scheme) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, "TU")], scheme));

        Assert.True(await permissions.HasPermissionAsync(As("Identity.Application"), "ReadCounselingNotes"));
        Assert.False(await permissions.HasPermissionAsync(As("ApiKey"), "ReadCounselingNotes"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Cases;

/// <summary>An academic-advisor system refers a student over the API; it reads back administrative status only.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CasesApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private IntakeCampus _site = null!;

    public async Task InitializeAsync()
    {
        _site = await IntakeCampus.CreateAsync(platform, "rujukapi");
        foreach (var (role, permission) in new[] { ("Sistem Dosen PA", "ReferCases"), ("Pemantau Kasus", "ViewCases") })
        {
            using var created = await _site.Admin.SubmitAsync($"{_site.Campus.Prefix}/admin/peran/baru", "main form", new Dictionary<string, string>
            {
                ["RoleName"] = role, ["Description"] = "Integrasi", ["Granted"] = permission,
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> KeyAsync(TestClient admin, string prefix, string role)
    {
        using var created = await admin.SubmitAsync($"{prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = role, ["Peran"] = role });
        return (await TestClient.ParseAsync(created)).QuerySelector("#kunci-baru")!.TextContent;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"{_site.Campus.Prefix}/api/v1/kasus{path}");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await _site.Admin.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_referral_opens_a_case_and_its_status_is_read_without_notes()
    {
        var refer = await KeyAsync(_site.Admin, _site.Campus.Prefix, "Sistem Dosen PA");
        var view = await KeyAsync(_site.Admin, _site.Campus.Prefix, "Pemantau Kasus");
        using var anonymous = new HttpClient { BaseAddress = platform.BaseAddress };

        using var bad = await SendAsync(HttpMethod.Post, "/rujukan", refer, new { nama = "", sop = "TIDAK-ADA" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nama klien wajib diisi.", problem.GetProperty("errors").GetProperty("nama")[0].GetString());
        Assert.StartsWith("SOP 'TIDAK-ADA' tidak ada.", problem.GetProperty("errors").GetProperty("sop")[0].GetString());

        const string alasan = "Mahasiswa sering absen dan mengaku tidak bisa tidur karena masalah keluarga.";
        using var created = await SendAsync(HttpMethod.Post, "/rujukan", refer, new
        {
            nama = "Citra Dewi", nim = "2022007788", perujuk = "Dr. Ahmad (Dosen PA)", sop = "IK-KA-RUJUKAN", alasan,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kasus = await created.Content.ReadFromJsonAsync<JsonElement>();
        var nomor = kasus.GetProperty("nomor").GetString()!;
        Assert.StartsWith("1 ", kasus.GetProperty("langkahSekarang").GetString());

        // Referring does not give the right to read cases back.
        using var notAllowed = await SendAsync(HttpMethod.Get, $"/{nomor}", refer);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        using var read = await SendAsync(HttpMethod.Get, $"/{nomor}", view);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Content.ReadAsStringAsync();
        Assert.Contains(nomor, body);
        Assert.DoesNotContain("tidak bisa tidur", body);

        // Both endpoints are in the campus's OpenAPI document.
        var openApi = await (await _site.Admin.GetAsync($"{_site.Campus.Prefix}/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/kasus/rujukan", openApi);
        Assert.Contains("/api/v1/kasus/{nomor}", openApi);

        // Another campus's key is not a key here.
        using var other = await IntakeCampus.CreateAsync(platform, "rujuklain");
        using var role = await other.Admin.SubmitAsync($"{other.Campus.Prefix}/admin/peran/baru", "main form", new Dictionary<string, string> { ["RoleName"] = "Sistem Dosen PA", ["Description"] = "x", ["Granted"] = "ReferCases" });
        var foreign = await KeyAsync(other.Admin, other.Campus.Prefix, "Sistem Dosen PA");
        using var refused = await SendAsync(HttpMethod.Post, "/rujukan", foreign, new { nama = "X", perujuk = "Y", sop = "IK-KA-RUJUKAN" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}

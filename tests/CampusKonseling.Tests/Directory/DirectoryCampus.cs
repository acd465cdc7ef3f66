using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;

namespace CampusKonseling.Tests.Direktori;

/// <summary>A fresh seed-001 campus (its recipe enables the Directory) with its administrator signed in.</summary>
public sealed record DirectoryCampus(TestTenant Campus, SopHarness In, TestClient Admin) : IDisposable
{
    public static async Task<DirectoryCampus> CreateAsync(PlatformFixture platform, string hint)
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", hint);
        var admin = platform.Client();
        await admin.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        return new DirectoryCampus(campus, new SopHarness(platform, campus), admin);
    }

    /// <summary>Uploads a CSV on the import page as the admin would; returns the response (a redirect to the job's page when accepted).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] csv, string fileName = "mahasiswa.csv")
    {
        var (status, page) = await Admin.PageAsync($"{Campus.Prefix}/admin/direktori/impor");
        Assert.Equal(HttpStatusCode.OK, status);
        var token = page.QuerySelector("form.import input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "berkas", fileName);
        return await Admin.Http.PostAsync($"{Campus.Prefix}/admin/direktori/impor", content);
    }

    /// <summary>Follows the job's page, as the admin watching it refresh, until the import has ended.</summary>
    public async Task<AngleSharp.Dom.IDocument> WaitForJobAsync(string jobPath, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await Admin.GetAsync(jobPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (!response.Headers.Contains("Refresh")) return await TestClient.ParseAsync(response);
            Assert.True(DateTime.UtcNow < until, $"import still running after {timeout}");
            await Task.Delay(200);
        }
    }

    /// <summary>Makes a role holding the permissions and an API key for it, on the admin pages.</summary>
    public async Task<string> NewKeyAsync(string role, params string[] permissions)
    {
        var fields = new List<KeyValuePair<string, string>> { new("RoleName", role), new("Description", "Integrasi") };
        var (_, rolePage) = await Admin.PageAsync($"{Campus.Prefix}/admin/peran/baru");
        var token = rolePage.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        fields.AddRange(permissions.Select(p => new KeyValuePair<string, string>("Granted", p)));
        using (var made = await Admin.Http.PostAsync($"{Campus.Prefix}/admin/peran/baru", new FormUrlEncodedContent(fields)))
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        using var created = await Admin.SubmitAsync($"{Campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']",
            new Dictionary<string, string> { ["Nama"] = role, ["Peran"] = role });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await TestClient.ParseAsync(created)).QuerySelector("#kunci-baru")!.TextContent;
    }

    public static byte[] Utf8WithBom(string text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    public void Dispose() => Admin.Dispose();
}

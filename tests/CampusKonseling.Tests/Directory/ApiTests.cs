using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Direktori;

/// <summary>SIAKAD keeps the directory current through the API with a key of its own campus whose role holds SyncDirectory.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private DirectoryCampus _c = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _c = await DirectoryCampus.CreateAsync(platform, "dirapi");
        _key = await _c.NewKeyAsync("SIAKAD", "SyncDirectory", "ViewDirectory");
    }

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null, string? language = null)
    {
        using var client = platform.Client();
        var request = new HttpRequestMessage(method, $"{_c.Campus.Prefix}/api/v1/mahasiswa{path}");
        if (body is not null) request.Content = JsonContent.Create(body);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Siakad_puts_a_student_updates_it_and_reads_it_back_and_the_status_check_sees_it()
    {
        var student = new { nama = "Dinda Ayu Lestari", prodi = "Teknik Informatika", semester = 5, status = "aktif", email = "dinda@mhs.kampus.ac.id", telepon = "0812-3456-7890" };
        using (var created = await SendAsync(HttpMethod.Put, "/2110511001", _key, student))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("081234567890", dto.GetProperty("telepon").GetString());
            Assert.Equal("api", dto.GetProperty("sumber").GetString());
        }
        using (var updated = await SendAsync(HttpMethod.Put, "/2110511001", _key, student with { status = "cuti" }))
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var read = await SendAsync(HttpMethod.Get, "/2110511001", _key);
        Assert.Equal("cuti", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var found = await _c.In.InCampusAsync(sp => sp.GetRequiredService<IStudentDirectory>().FindAsync("2110511001"));
        Assert.Equal((StudentStatus.Cuti, 5), (found!.Status, found.Semester));
        Assert.Null(await _c.In.InCampusAsync(sp => sp.GetRequiredService<IStudentDirectory>().FindAsync("9999999999")));

        using var missing = await SendAsync(HttpMethod.Get, "/9999999999", _key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_batch_is_stored_whole_or_refused_whole_with_messages_per_field_in_both_languages()
    {
        var good = Enumerable.Range(1, 300).Select(i => new { nim = $"22105{i:D5}", nama = $"Mahasiswa {i}", status = "aktif", semester = (object)3 }).ToList();
        using (var ok = await SendAsync(HttpMethod.Post, "", _key, new { mahasiswa = good }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var result = await ok.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(300, result.GetProperty("baru").GetInt32());
        }

        var bad = good.Take(3).Select(s => s with { nama = s.nama + " (baru)" }).ToList();
        bad.Add(new { nim = "22105ABC!", nama = "", status = "dikeluarkan", semester = (object)"lima" });
        using var refused = await SendAsync(HttpMethod.Post, "", _key, new { mahasiswa = bad });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("NIM hanya boleh", errors.GetProperty("mahasiswa[3].nim")[0].GetString());
        Assert.Contains("Nama wajib diisi", errors.GetProperty("mahasiswa[3].nama")[0].GetString());
        Assert.Contains("aktif, cuti, lulus atau keluar", errors.GetProperty("mahasiswa[3].status")[0].GetString());
        Assert.Contains("angka 1 sampai 14", errors.GetProperty("mahasiswa[3].semester")[0].GetString());
        var status = problem.GetProperty("kesalahan").EnumerateArray().Single(k => k.GetProperty("isian").GetString() == "mahasiswa[3].status");
        Assert.Equal("pilihan", status.GetProperty("kode").GetString());
        Assert.Contains("must be one of", status.GetProperty("pesan").GetProperty("en").GetString());
        Assert.Equal(0L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM direktori.students WHERE nama LIKE '%(baru)'"));

        using var english = await SendAsync(HttpMethod.Put, "/2110511002", _key, new { nama = "X", status = "aktif", email = "bukan" }, "en");
        var en = await english.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The e-mail address is not valid.", en.GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal("The student could not be saved.", en.GetProperty("title").GetString());

        using var list = await SendAsync(HttpMethod.Get, "?q=221050010&pageSize=5&page=2", _key);
        var page = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10, page.GetProperty("total").GetInt32()); // 2210500100 … 2210500109
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        using var badPage = await SendAsync(HttpMethod.Get, "?pageSize=1000", _key);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_or_another_campus_key_gets_401_and_a_key_without_the_permission_gets_403()
    {
        var student = new { nama = "Tanpa Izin", status = "aktif" };
        using (var none = await SendAsync(HttpMethod.Put, "/2110511009", null, student))
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var wrong = await SendAsync(HttpMethod.Put, "/2110511009", _key[..12] + new string('0', _key.Length - 12), student))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var other = await DirectoryCampus.CreateAsync(platform, "dirlain");
        var otherKey = await other.NewKeyAsync("SIAKAD", "SyncDirectory", "ViewDirectory");
        using (var foreign = await SendAsync(HttpMethod.Put, "/2110511009", otherKey, student))
            Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);

        var readOnly = await _c.NewKeyAsync("Pembaca", "ViewDirectory");
        using (var forbidden = await SendAsync(HttpMethod.Put, "/2110511009", readOnly, student))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var formsOnly = await _c.NewKeyAsync("Formulir", "SubmitForms");
        using (var forbidden = await SendAsync(HttpMethod.Get, "/2110511009", formsOnly))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(0L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM direktori.students WHERE nim = '2110511009'"));

        // Each campus sees only its own students.
        using (var mine = await SendAsync(HttpMethod.Put, "/2110511010", _key, student))
            Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        using var client = platform.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{other.Campus.Prefix}/api/v1/mahasiswa/2110511010");
        request.Headers.Add("X-Api-Key", otherKey);
        using var elsewhere = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_in_the_campus_openapi_document()
    {
        using var client = platform.Client();
        var doc = await client.Http.GetFromJsonAsync<JsonElement>($"{_c.Campus.Prefix}/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/mahasiswa/{nim}").TryGetProperty("put", out var put));
        Assert.True(put.TryGetProperty("requestBody", out _), "PUT documents its body");
        Assert.True(paths.GetProperty("/api/v1/mahasiswa").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/mahasiswa").TryGetProperty("get", out _));
    }
}

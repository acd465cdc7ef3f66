using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Sop.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>A campus system (SIAKAD) sends requests with an API key an administrator made for one role.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FormsApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _sop = null!;
    private TestClient _admin = null!;

    private static readonly FormDefinition Rujukan = new()
    {
        Kode = "rujukan-siakad", Judul = "Rujukan dari SIAKAD (uji)", Sop = "IK-KA-INISIATIF",
        Isian =
        [
            new() { Id = "nama", Jenis = JenisIsian.Teks, Label = "Nama lengkap", Wajib = true, Maks = 120, Petakan = Petakan.Nama },
            new() { Id = "email", Jenis = JenisIsian.Email, Label = "E-mail", Wajib = true, Petakan = Petakan.Email },
            new() { Id = "topik", Jenis = JenisIsian.PilihanGanda, Label = "Topik", Pilihan = ["Akademik", "Karier", "Pribadi"] },
            new() { Id = "surat", Jenis = JenisIsian.Berkas, Label = "Surat rujukan" },
            new() { Id = "setuju", Jenis = JenisIsian.Persetujuan, Label = "Saya setuju", Teks = "Data dipakai untuk layanan konseling.", Versi = "2026-1", RetensiHari = 365 },
        ],
    };

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "api");
        await platform.SetFeatureAsync(_campus, "Forms", enabled: true);
        _sop = new SopHarness(platform, _campus);
        await _sop.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(Rujukan, "uji"));
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        using var role = await _admin.SubmitAsync($"{_campus.Prefix}/admin/peran/baru", "main form", new Dictionary<string, string>
        {
            ["RoleName"] = "Sistem SIAKAD", ["Description"] = "Integrasi", ["Granted"] = "SubmitForms",
        });
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> NewKeyAsync(string name, string role)
    {
        using var created = await _admin.SubmitAsync($"{_campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = name, ["Peran"] = role });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = await TestClient.ParseAsync(created);
        return page.QuerySelector("#kunci-baru")?.TextContent ?? throw new InvalidOperationException("no key shown");
    }

    private HttpRequestMessage Post(string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_campus.Prefix.TrimStart('/')}/api/v1/formulir/rujukan-siakad/kiriman") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task A_key_sends_a_request_that_enters_the_sop_and_a_revoked_key_is_refused()
    {
        var key = await NewKeyAsync("SIAKAD", "Sistem SIAKAD");
        var (_, list) = await _admin.PageAsync($"{_campus.Prefix}/admin/kunci-api");
        Assert.DoesNotContain(key, list.Body!.TextContent); // shown once, then only its prefix
        Assert.Contains(key[..12], list.Body!.TextContent);

        using var client = platform.Client();
        var email = $"rina.{Guid.NewGuid():N}@mahasiswa.test";
        var kunciKirim = Guid.NewGuid();
        var body = new { jawaban = new Dictionary<string, object> { ["nama"] = "Rina Marlina", ["email"] = email, ["topik"] = new[] { "Akademik", "Karier" }, ["setuju"] = true }, kunciKirim };
        using var sent = await client.Http.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var dto = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var code = dto.GetProperty("kodePelacakan").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.False(string.IsNullOrEmpty(dto.GetProperty("langkahBerikutnya").GetString()));
        Assert.DoesNotContain("Rina", await sent.Content.ReadAsStringAsync()); // answers are not echoed

        using (var again = await client.Http.SendAsync(Post(key, body)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(code, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kodePelacakan").GetString());
        }
        var stored = await _sop.InCampusAsync(async sp =>
        {
            var s = await sp.GetRequiredService<FormsDb>().Submissions.AsNoTracking().SingleAsync(x => x.KodePelacakan == code);
            var instance = await sp.GetRequiredService<SopDb>().Instances.AsNoTracking().SingleAsync(i => i.Id == s.SopInstanceId);
            return (s.Email, s.Jawaban, instance.Kode);
        });
        Assert.Equal(email, stored.Email);
        Assert.Contains("Karier", stored.Jawaban);
        Assert.Equal("IK-KA-INISIATIF", stored.Kode);
        Assert.Contains(code, (await MailDev.WaitForAsync(email)).Subject);
        // The first step's staff are told in their in-app list, after the request's transaction has ended.
        var told = await _sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Notifications.Data.NotificationsDb>().Items.CountAsync(n => n.Isi.Contains(code)));
        Assert.True(told > 0, "no staff member was notified of the new request");

        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/kunci-api");
        var revoke = page.QuerySelector("form[action*='handler=Revoke']")!;
        using (var revoked = await _admin.SubmitAsync(page, "form[action*='handler=Revoke']", new Dictionary<string, string>(), revoke.GetAttribute("action")!))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var refused = await client.Http.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Bad_answers_get_indonesian_messages_per_field_and_nothing_is_stored()
    {
        var key = await NewKeyAsync("Aplikasi seluler", "Sistem SIAKAD");
        using var client = platform.Client();
        using var bad = await client.Http.SendAsync(Post(key, new { jawaban = new Dictionary<string, object> { ["email"] = "bukan-email", ["topik"] = new[] { "Olahraga" }, ["surat"] = "x.pdf", ["asal"] = "?" } }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("situs kampus", errors.GetProperty("surat")[0].GetString());
        Assert.Contains("tidak ada", errors.GetProperty("asal")[0].GetString());

        using var invalid = await client.Http.SendAsync(Post(key, new { jawaban = new Dictionary<string, object> { ["email"] = "bukan-email", ["topik"] = new[] { "Olahraga" } } }));
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var fieldErrors = problem.GetProperty("errors");
        var emailError = problem.GetProperty("kesalahan").EnumerateArray().Single(k => k.GetProperty("isian").GetString() == "email");
        Assert.Equal("format", emailError.GetProperty("kode").GetString());
        Assert.Contains("e-mail tidak valid", emailError.GetProperty("pesan").GetProperty("id").GetString());
        Assert.Contains("e-mail address", emailError.GetProperty("pesan").GetProperty("en").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("persetujuan", problem.GetProperty("kesalahan").EnumerateArray().Single(k => k.GetProperty("isian").GetString() == "setuju").GetProperty("kode").GetString());
        Assert.Contains("Nama lengkap wajib diisi", fieldErrors.GetProperty("nama")[0].GetString());
        Assert.Contains("e-mail tidak valid", fieldErrors.GetProperty("email")[0].GetString());
        Assert.Contains("pilihan yang tersedia", fieldErrors.GetProperty("topik")[0].GetString());
        Assert.Contains("persetujuan", fieldErrors.GetProperty("setuju")[0].GetString());
        var openApi = await client.Http.GetFromJsonAsync<JsonElement>($"{_campus.Prefix}/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/formulir/{kode}/kiriman", out var submitPath), "submission endpoint missing from OpenAPI");
        Assert.True(submitPath.TryGetProperty("post", out _));
        Assert.Equal("X-Api-Key", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("KunciApi").GetProperty("name").GetString());
        Assert.Equal(0, await _sop.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.CountAsync()));
    }

    [Fact]
    public async Task When_the_database_fails_the_api_answers_503_and_the_same_send_key_succeeds_later()
    {
        var key = await NewKeyAsync("SIAKAD", "Sistem SIAKAD");
        using var client = platform.Client();
        var body = new { jawaban = new Dictionary<string, object> { ["nama"] = "Budi", ["email"] = $"budi.{Guid.NewGuid():N}@mahasiswa.test", ["setuju"] = true }, kunciKirim = Guid.NewGuid() };
        await platform.SetReadOnlyAsync(_campus, true);
        try
        {
            using var failed = await client.Http.SendAsync(Post(key, body));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.Contains("belum tersimpan", (await failed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        finally
        {
            await platform.SetReadOnlyAsync(_campus, false);
        }
        Assert.Equal(0L, await TestDatabase.ScalarAsync(_campus.Database, "SELECT count(*) FROM forms.submissions"));
        using var retried = await client.Http.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_role_lacking_the_permission_the_api_refuses()
    {
        using var client = platform.Client();
        var body = new { jawaban = new Dictionary<string, object> { ["nama"] = "X", ["email"] = "x@kampus.test", ["setuju"] = true } };
        using (var none = await client.Http.SendAsync(Post(null, body))) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var wrong = await client.Http.SendAsync(Post("ck_0123456789abcdef0123456789abcdef", body))) Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/kunci-api");
        Assert.DoesNotContain(page.QuerySelectorAll("select[name='Peran'] option"), o => o.TextContent == "Administrator");
        var roles = page.QuerySelectorAll("select[name='Peran'] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 } && v != "Sistem SIAKAD").ToList();
        var key = await NewKeyAsync("Tanpa izin", roles.First()!);
        using (var forbidden = await client.Http.SendAsync(Post(key, body))) Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var adminRole = await _admin.SubmitAsync($"{_campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = "Coba", ["Peran"] = "Administrator" });
        var refusedPage = await TestClient.ParseAsync(adminRole);
        Assert.Contains("tidak boleh dipakai kunci API", refusedPage.QuerySelector("[data-valmsg-for='Peran']")!.TextContent);
        Assert.Null(refusedPage.QuerySelector("#kunci-baru"));
    }
}

using System.Net;
using System.Text.Json;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Programs;

/// <summary>The programs API: upcoming programs for a campus portal, and the figures for leaders' reports behind a permission.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramsApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private ProgramCampus _c = null!;

    public async Task InitializeAsync() => _c = await ProgramCampus.CreateAsync(platform, "progapi");
    public Task DisposeAsync() { _c.Dispose(); return Task.CompletedTask; }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_portal_lists_the_upcoming_programs_with_the_seats_left()
    {
        var program = await _c.NewProgramAsync(kapasitas: 3, judul: "Pelatihan CV dan wawancara");
        await _c.RegisteredAsync(platform, program, "Nia", $"nia.{Guid.NewGuid():N}@mhs.test");
        using var portal = platform.Client();
        using var response = await portal.GetAsync($"{_c.Campus.Prefix}/api/v1/program");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single((await JsonAsync(response)).EnumerateArray());
        Assert.Equal("Pelatihan CV dan wawancara", item.GetProperty("judul").GetString());
        Assert.Equal(2, item.GetProperty("sisaKursi").GetInt32());
        Assert.True(item.GetProperty("pendaftaranDibuka").GetBoolean());
        Assert.EndsWith($"/program/{program}", item.GetProperty("pendaftaran").GetString());
    }

    [Fact]
    public async Task The_figures_need_the_permission_and_a_valid_period()
    {
        var program = await _c.NewProgramAsync(kapasitas: 1);
        await _c.RegisteredAsync(platform, program, "Oki", $"oki.{Guid.NewGuid():N}@mhs.test");
        await _c.RegisteredAsync(platform, program, "Putri", $"putri.{Guid.NewGuid():N}@mhs.test");
        var dari = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        var sampai = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(30).ToString("O"));
        var path = $"{_c.Campus.Prefix}/api/v1/program/angka?dari={dari}&sampai={sampai}";

        using var anonymous = platform.Client();
        using (var refused = await anonymous.GetAsync(path)) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using (var ok = await _c.Admin.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var f = Assert.Single((await JsonAsync(ok)).EnumerateArray());
            Assert.Equal((1, 1), (f.GetProperty("terdaftar").GetInt32(), f.GetProperty("daftarTunggu").GetInt32()));
            Assert.DoesNotContain("Oki", f.GetRawText());
        }

        using var backwards = await _c.Admin.GetAsync($"{_c.Campus.Prefix}/api/v1/program/angka?dari={sampai}&sampai={dari}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("setelah awalnya", (await JsonAsync(backwards)).GetProperty("errors").GetProperty("sampai")[0].GetString());
        using var english = new HttpRequestMessage(HttpMethod.Get, $"{_c.Campus.Prefix}/api/v1/program/angka?dari={dari}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var missing = await _c.Admin.Http.SendAsync(english);
        Assert.Contains("period's end", (await JsonAsync(missing)).GetProperty("errors").GetProperty("sampai")[0].GetString());
    }
}

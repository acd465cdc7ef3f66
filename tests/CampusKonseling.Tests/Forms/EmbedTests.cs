using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>A form embedded in the campus's own website: framed only by the sites the campus lists, sent without a cookie, never as the signed-in user.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EmbedTests(PlatformFixture platform) : IAsyncLifetime
{
    private IntakeCampus _site = null!;
    private TestTenant _campus => _site.Campus;
    private SopHarness _in => _site.In;
    private TestClient _admin => _site.Admin;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, "sematan");

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private Task AllowAsync(string origins) => _site.AllowEmbeddingFromAsync(origins);

    [Fact]
    public async Task Only_the_listed_websites_may_frame_the_embedded_form_and_the_rest_of_the_site_stays_unframeable()
    {
        var (_, settings) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        using var refused = await _admin.SubmitAsync(settings, "form.card", new Dictionary<string, string> { ["Input.AsalSematan"] = "www.kampus-uji.test/berita" }, $"{_campus.Prefix}/admin/pengaturan");
        var page = await TestClient.ParseAsync(refused);
        Assert.StartsWith("'www.kampus-uji.test/berita' bukan alamat situs.", page.QuerySelector("[data-valmsg-for='Input.AsalSematan']")!.TextContent);
        Assert.Equal("www.kampus-uji.test/berita", page.QuerySelector("textarea[name='Input.AsalSematan']")!.TextContent.Trim());

        await AllowAsync("https://www.kampus-uji.test/\nhttp://localhost:5050");
        using var client = platform.Client();
        using var embedded = await client.GetAsync($"{_campus.Prefix}/formulir/permohonan-uji/sematan");
        Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);
        Assert.Equal(["'self'", "https://www.kampus-uji.test", "http://localhost:5050"], CspHeader.From(embedded)["frame-ancestors"]);
        Assert.False(embedded.Headers.Contains("X-Frame-Options"));
        // No antiforgery cookie: the browser would not send it back from inside another site anyway.
        Assert.DoesNotContain(embedded.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("Antiforgery"));

        using var normal = await client.GetAsync($"{_campus.Prefix}/formulir/permohonan-uji");
        Assert.Equal(["'self'"], CspHeader.From(normal)["frame-ancestors"]);
        Assert.Equal("SAMEORIGIN", normal.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task An_embedded_form_is_sent_without_a_cookie_and_never_as_the_signed_in_user()
    {
        // The admin is signed in, but a post from inside another site must not carry their identity.
        var email = $"sematan.{Guid.NewGuid():N}@mahasiswa.test";
        var path = $"{_campus.Prefix}/formulir/permohonan-uji/sematan";
        using var sent = await _admin.SubmitAsync(path, "form.intake", IntakeTests.Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Contains("/formulir/permohonan-uji/sematan/terkirim?kode=", location);
        var code = Regex.Match(location, "kode=([A-Z2-9-]+)").Groups[1].Value;

        using var done = await _admin.GetAsync(location);
        Assert.Equal("'self'", CspHeader.From(done)["frame-ancestors"][0]);
        Assert.Equal(code, (await TestClient.ParseAsync(done)).QuerySelector("#kode-pelacakan")!.TextContent);
        var owner = await _in.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.Where(s => s.KodePelacakan == code).Select(s => s.PenggunaId).SingleAsync());
        Assert.Null(owner);

        // A stranger without any cookie: the same form, no antiforgery token, still accepted once.
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = platform.BaseAddress };
        var key = Guid.NewGuid().ToString();
        var fields = new Dictionary<string, string>(IntakeTests.Valid($"asing.{Guid.NewGuid():N}@mahasiswa.test")) { ["KunciKirim"] = key };
        using var first = await stranger.PostAsync(path, new FormUrlEncodedContent(fields));
        using var again = await stranger.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
    }

    [Fact]
    public async Task The_admin_copies_a_snippet_that_frames_the_form_and_is_warned_when_no_website_is_allowed()
    {
        await AllowAsync("");
        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/formulir/sematkan");
        Assert.NotNull(page.QuerySelector("#tanpa-asal"));
        var snippet = page.QuerySelector("[data-formulir='permohonan-uji'] textarea.snippet")!.TextContent;
        Assert.Contains($"src=\"{platform.BaseAddress}{_campus.Prefix}/formulir/permohonan-uji/sematan\"", snippet);
        Assert.Contains($"e.origin !== \"{platform.BaseAddress.ToString().TrimEnd('/')}\"", snippet);

        await AllowAsync("https://www.kampus-uji.test");
        var (_, after) = await _admin.PageAsync($"{_campus.Prefix}/admin/formulir/sematkan");
        Assert.Null(after.QuerySelector("#tanpa-asal"));
        Assert.Contains("https://www.kampus-uji.test", after.QuerySelector("#asal")!.TextContent);
    }
}

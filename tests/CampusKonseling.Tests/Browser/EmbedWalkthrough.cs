using System.Text.RegularExpressions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// The campus's own website (a second web server on loopback) carries the snippet
/// the admin copied: the form shows inside it on a phone, grows to its full height, and a request sent
/// from it gets its tracking code. A website the campus did not list gets nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EmbedWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private string _snippet = "";
    private readonly CampusWebsite _listed = new(), _unlisted = new();

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        using var site = await IntakeCampus.CreateAsync(platform, "sematb");
        _campus = site.Campus;
        await site.AllowEmbeddingFromAsync(_listed.Origin);
        var (_, embed) = await site.Admin.PageAsync($"{_campus.Prefix}/admin/formulir/sematkan");
        _snippet = embed.QuerySelector("[data-formulir='permohonan-uji'] textarea.snippet")!.TextContent;
        _listed.Html = _unlisted.Html = "<!doctype html><html lang=\"id\"><head><meta name=\"viewport\" content=\"width=device-width\"></head><body>"
            + $"<h1>Berita Kampus</h1><p>Layanan konseling kini menerima permohonan secara daring.</p>{_snippet}<footer>Kampus Lain</footer></body></html>";
    }

    public async Task DisposeAsync()
    {
        _listed.Dispose();
        _unlisted.Dispose();
        await _browser.DisposeAsync();
    }

    private static async Task<IPage> CampusWebsiteAsync(IBrowserContext context, CampusWebsite site)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.Origin}/layanan-konseling");
        return page;
    }

    [Fact]
    public async Task A_requester_sends_the_form_from_inside_the_campus_website()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID" });
        context.SetDefaultTimeout(60_000);
        var page = await CampusWebsiteAsync(context, _listed);
        var frame = page.FrameLocator("iframe[data-campuskonseling='permohonan-uji']");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(IntakeTests.Permohonan.Judul);

        // The iframe takes the form's full height: no scrollbar inside the campus page.
        var iframe = page.Locator("iframe[data-campuskonseling='permohonan-uji']");
        await Assertions.Expect(iframe).ToHaveAttributeAsync("style", new Regex(@"height: \d+px"));
        var (outer, inner) = await HeightsAsync(iframe, frame);
        Assert.InRange(outer, inner - 2, inner + 2);
        Assert.True(outer > 640, $"the form is taller than the iframe's starting height ({outer}px)");

        var email = $"sematan.{Guid.NewGuid():N}@mahasiswa.test";
        await frame.Locator("input[name='f_nama']").FillAsync("Dewi Lestari");
        await frame.Locator("input[name='f_nim']").FillAsync("2021001234");
        await frame.Locator("input[name='f_email']").FillAsync(email);
        await frame.Locator("input[name='f_hp']").FillAsync("0812 3456 7890");
        await frame.Locator("input[name='f_saluran'][value='Online']").CheckAsync();
        await frame.Locator("textarea[name='f_uraian']").FillAsync("Saya kesulitan mengatur waktu belajar dan bekerja.");
        await frame.Locator("input[name='f_setuju']").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Shot("terisi"), FullPage = true });
        await frame.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();

        var code = (await frame.Locator("#kode-pelacakan").TextContentAsync())!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Equal($"{_listed.Origin}/layanan-konseling", page.Url);
        // The shorter confirmation shrinks the iframe again: no empty space below it on the campus page.
        await Assertions.Expect(iframe).Not.ToHaveAttributeAsync("style", new Regex($@"height: {(int)outer}px"));
        var (after, content) = await HeightsAsync(iframe, frame);
        Assert.InRange(after, content - 2, content + 2);
        Assert.True(after < outer);
        await page.ScreenshotAsync(new() { Path = Shot("terkirim"), FullPage = true });
        Assert.Contains(code, (await MailDev.WaitForAsync(email)).Text);
    }

    [Fact]
    public async Task A_website_the_campus_did_not_list_cannot_show_the_form()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "id-ID" });
        context.SetDefaultTimeout(30_000);
        var page = await CampusWebsiteAsync(context, _unlisted);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, await page.FrameLocator("iframe[data-campuskonseling='permohonan-uji']").Locator("form.intake").CountAsync());
        // The browser refused it for the campus's policy, not because the form was unreachable.
        Assert.Contains(page.Frames, f => f.Url.StartsWith("chrome-error://"));
        await page.ScreenshotAsync(new() { Path = Shot("ditolak"), FullPage = true });
    }

    private static async Task<(float Outer, float Inner)> HeightsAsync(ILocator iframe, IFrameLocator frame)
    {
        await iframe.Page.WaitForTimeoutAsync(300); // one resize round trip
        var inner = await frame.Locator("body").EvaluateAsync<float>("b => { const s = getComputedStyle(b); return b.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom); }");
        return ((await iframe.BoundingBoxAsync())!.Height, inner);
    }

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"sematan-{step}.png");
}

/// <summary>Another website on loopback (its own origin) serving one page.</summary>
internal sealed class CampusWebsite : IDisposable
{
    private readonly System.Net.HttpListener _listener = new();
    public string Origin { get; }
    public string Html { get; set; } = "";

    public CampusWebsite()
    {
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            Origin = $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
        }
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                context.Response.ContentType = "text/html; charset=utf-8";
                var body = System.Text.Encoding.UTF8.GetBytes(Html);
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public void Dispose() => _listener.Close();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// A campus administrator writes pages in Markdown, and every visitor of every campus on the same origin reads
/// them: whatever the Markdown says, the page and the API's html hold no script, no event handler, no style and
/// no link or image that runs code — while what Markdown is for (headings, lists, tables, links, images) stays.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PageSanitizerTests(PlatformFixture platform) : IAsyncLifetime
{
    public const string Attack = """
        # Pengumuman

        [x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](  javascript:alert(3)) [e](&#106;avascript:alert(4))

        ![a](x){onerror=alert(1)}

        text{onclick="alert(1)"}

        <script>alert(1)</script>

        <img src=x onerror=alert(1)>

        [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [v](vbscript:msgbox(1)) ![s](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

        Kotak{style="position:fixed;top:0;left:0;width:100%;height:100%" #isi .admin-nav}

        | Layanan | Waktu |
        |:--------|------:|
        | Konseling | 2 hari |

        - [Jadwal](https://kampus.example/jadwal) dan [surel](mailto:bk@kampus.example) dan [formulir](/formulir)
        - ![Logo](https://kampus.example/logo.png)

        > **Penting**: `kode` dan *miring*
        """;

    private TestTenant _campus = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "sanit");
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        using var saved = await admin.SubmitAsync($"{_campus.Prefix}/admin/halaman/baru", "form.card", new Dictionary<string, string>
        {
            ["Input.Title"] = "Pengumuman", ["Input.Slug"] = "pengumuman", ["Input.Body"] = Attack, ["Input.Order"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_campus_page_holds_none_of_the_injected_code_and_keeps_the_markdown()
    {
        using var visitor = platform.Client();
        var (status, page) = await visitor.PageAsync($"{_campus.Prefix}/halaman/pengumuman");
        Assert.Equal(HttpStatusCode.OK, status);
        AssertSafeAndUseful(page.QuerySelector("article.prose")!);
    }

    [Fact]
    public async Task The_api_html_holds_none_of_the_injected_code_and_keeps_the_markdown()
    {
        using var visitor = platform.Client();
        var json = await visitor.Http.GetFromJsonAsync<JsonElement>($"{_campus.Prefix}/api/v1/halaman/pengumuman");
        Assert.Equal(Attack, json.GetProperty("markdown").GetString()); // the source stays as written; only the HTML is cleaned
        var html = json.GetProperty("html").GetString()!;
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content($"<article>{html}</article>"));
        AssertSafeAndUseful(document.QuerySelector("article")!);
    }

    private static void AssertSafeAndUseful(IElement article)
    {
        Assert.Empty(article.QuerySelectorAll("script, iframe, object, embed, style, form, svg, math"));
        foreach (var element in article.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler: {element.OuterHtml}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src")
                {
                    var url = attribute.Value.Trim().ToLowerInvariant();
                    Assert.False(url.StartsWith("javascript:") || url.StartsWith("data:") || url.StartsWith("vbscript:"), $"dangerous URL: {element.OuterHtml}");
                }
            }
        }
        // An author cannot take the ids and classes the platform's own pages and scripts rely on.
        Assert.Null(article.QuerySelector("#isi, .admin-nav"));
        Assert.DoesNotContain("alert(1)</script>", article.InnerHtml, StringComparison.OrdinalIgnoreCase);

        Assert.Equal("Pengumuman", article.QuerySelector("h1")!.TextContent);
        Assert.NotNull(article.QuerySelector("table td"));
        Assert.NotNull(article.QuerySelector("a[href='https://kampus.example/jadwal']"));
        Assert.NotNull(article.QuerySelector("a[href='mailto:bk@kampus.example']"));
        Assert.NotNull(article.QuerySelector("a[href='/formulir']"));
        Assert.NotNull(article.QuerySelector("img[src='https://kampus.example/logo.png'][alt='Logo']"));
        Assert.NotNull(article.QuerySelector("blockquote strong"));
        Assert.NotNull(article.QuerySelector("code"));
        Assert.NotNull(article.QuerySelector("em"));
    }
}

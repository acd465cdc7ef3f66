using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Campuses reached by URL prefix share one browser origin, so a script that runs on one campus's page can read
/// another campus's staff pages. Every HTML response therefore says: scripts only with this response's nonce,
/// no plugins, no foreign base URL, forms post only to the platform, framed only by the platform.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class ContentSecurityPolicyTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "csp");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> PublicPages => new()
    {
        "/", "/halaman/faq", "/formulir", "/formulir/permohonan-konseling-karier", "/formulir/status", "/akun/masuk", "/akun/lupa-sandi",
        "/program", "/tidak-ada", "/error",
    };

    public static TheoryData<string> StaffPages => new()
    {
        "/admin", "/admin/kasus", "/admin/halaman/baru", "/admin/formulir/sematkan", "/admin/formulir/kelola/permohonan-konseling-karier/pratinjau",
        "/admin/program/baru", "/admin/peran", "/admin/sop", "/admin/laporan", "/admin/surat/templat", "/notifikasi",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_allows_only_scripts_with_its_own_nonce(string path)
    {
        using var visitor = platform.Client();
        await AssertStrictAsync(visitor, _campus.Prefix + path);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_staff_page_allows_only_scripts_with_its_own_nonce(string path) => await AssertStrictAsync(_admin, _campus.Prefix + path);

    [Fact]
    public async Task Every_tab_of_a_case_allows_only_scripts_with_its_own_nonce_and_its_markup_typed_in_stays_text()
    {
        using var opened = await _admin.SubmitAsync($"{_campus.Prefix}/admin/kasus/baru", "form.new-case", new Dictionary<string, string>
        {
            ["Nama"] = "<b style=\"color:red\" onclick=\"alert(1)\">Klien</b><script>alert(2)</script>", ["Cara"] = "Datang langsung", ["Sop"] = "SOP.P2KLLK-04",
            ["Bidang"] = "<img src=x onerror=alert(3)>",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var path = opened.Headers.Location!.OriginalString;
        foreach (var tab in new[] { "", "/klien", "/catatan", "/jadwal", "/disposisi", "/rujukan", "/dokumen", "/surat" })
            await AssertStrictAsync(_admin, path + tab);
    }

    [Fact]
    public async Task The_embeddable_form_keeps_its_framing_but_gets_the_same_script_rules()
    {
        using var visitor = platform.Client();
        var csp = await AssertStrictAsync(visitor, $"{_campus.Prefix}/formulir/permohonan-konseling-karier/sematan", framedBySelfOnly: false);
        Assert.Equal("'self'", csp["frame-ancestors"][0]);
    }

    [Fact]
    public async Task The_nonce_is_new_for_every_response()
    {
        using var visitor = platform.Client();
        var nonces = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await visitor.GetAsync($"{_campus.Prefix}/formulir/permohonan-konseling-karier");
            var nonce = CspHeader.From(response).Nonce;
            Assert.NotNull(nonce);
            Assert.True(Convert.FromBase64String(nonce).Length >= 16, "a nonce has at least 128 random bits");
            nonces.Add(nonce);
        }
        Assert.Equal(5, nonces.Count);
    }

    [Fact]
    public async Task A_disabled_campus_answers_its_plain_503_page_under_the_same_policy()
    {
        var off = await platform.CreateTenantAsync("konseling-asesmen", "csp503");
        await platform.Services.GetRequiredService<TenantManager>().SetStateAsync(off.Name, TenantState.Disabled);
        using var visitor = platform.Client();
        using var response = await visitor.GetAsync($"{off.Prefix}/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        AssertDirectives(CspHeader.From(response), framedBySelfOnly: true);
        var page = await TestClient.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    /// <summary>The header is strict and the page holds nothing the header would have to excuse.</summary>
    private static async Task<CspHeader> AssertStrictAsync(TestClient client, string path, bool framedBySelfOnly = true)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError, $"{path}: {response.StatusCode}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = CspHeader.From(response);
        AssertDirectives(csp, framedBySelfOnly);
        var page = await TestClient.ParseAsync(response);
        foreach (var element in page.QuerySelectorAll("script, style"))
            Assert.True(element.GetAttribute("nonce") == csp.Nonce, $"{path}: <{element.LocalName}> without the response's nonce: {Short(element)}");
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: inline handler {Short(element)}");
                Assert.False(attribute.Name == "style", $"{path}: style attribute {Short(element)}");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{path}: javascript: URL {Short(element)}");
            }
        }
        return csp;
    }

    private static void AssertDirectives(CspHeader csp, bool framedBySelfOnly)
    {
        Assert.NotNull(csp.Nonce);
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", csp["script-src"]);
        Assert.DoesNotContain("*", csp["script-src"]);
        Assert.DoesNotContain("'self'", csp["script-src"]); // a campus's uploaded file is 'self' too
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'self'"], csp["base-uri"]);
        Assert.Equal(["'self'"], csp["form-action"]);
        if (framedBySelfOnly) Assert.Equal(["'self'"], csp["frame-ancestors"]);
        Assert.Contains("'self'", csp["default-src"]);
        Assert.DoesNotContain("'unsafe-inline'", csp["style-src"]);
        Assert.DoesNotContain("*", csp["img-src"]);
        Assert.True(csp.Has("report-uri"), "violations are reported");
    }

    private static string Short(IElement element)
    {
        var html = WhiteSpace().Replace(element.OuterHtml, " ");
        return html.Length <= 160 ? html : html[..160];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

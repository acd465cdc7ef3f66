using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CampusKonseling.Host.Infrastructure;
using CampusKonseling.Tests.Direktori;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// The campus administrator makes a key for the student portal, opens the campus's API reference from the keys page,
/// reads which permission listing students needs, tries it without a key (401 — the reference never sends the admin's
/// own session), authorizes with the new key and gets the campus's students. All of it inside the platform's strict
/// CSP with nothing reported, and nothing asked of any address but the platform's own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferenceWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private const string Role = "Integrasi SIAKAD";
    private readonly BrowserFixture _browser = new();
    private DirectoryCampus _site = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        // SIAKAD has already sent one student with its own key; the portal's key is the one made below.
        _site = await DirectoryCampus.CreateAsync(platform, "referensi");
        var siakad = await _site.NewKeyAsync(Role, "ViewDirectory", "SyncDirectory");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{_site.Campus.Prefix}/api/v1/mahasiswa/2110511077")
        {
            Content = JsonContent.Create(new { nama = "Dewi Kartika Sari", prodi = "Psikologi", semester = 5, status = "aktif" }),
        };
        put.Headers.Add("X-Api-Key", siakad);
        using var stored = await _site.Admin.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        await _browser.DisposeAsync();
    }

    [Fact]
    public async Task The_admin_makes_a_key_opens_the_reference_and_lists_the_campus_students_with_it()
    {
        var campus = _site.Campus;
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        page.Request += (_, r) => requests.Enqueue(r.Url);
        page.Console += (_, m) => console.Enqueue($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => errors.Enqueue(e);

        await page.GotoAsync($"{campus.Prefix}/akun/masuk", Loaded);
        await page.FillAsync("input[name='Input.Email']", campus.AdminEmail);
        await page.FillAsync("input[name='Input.Password']", campus.AdminPassword);
        await page.ClickAsync("form button.primary");
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"), Committed);

        // The key, made the way the admin makes every key, shown once.
        await page.GotoAsync($"{campus.Prefix}/admin/kunci-api", Loaded);
        await page.FillAsync("input[name='Nama']", "Portal Mahasiswa");
        await page.Locator("select[name='Peran']").SelectOptionAsync(Role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat kunci" }).ClickAsync();
        var key = (await page.Locator("#kunci-baru").TextContentAsync())!.Trim();
        Assert.StartsWith("ck_", key);
        await ShotAsync(page, "kunci-dibuat");

        await page.GetByRole(AriaRole.Link, new() { Name = "Buka referensi API" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/{campus.Prefix}/api/referensi"));
        await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("CampusKonseling API — ");
        await Assertions.Expect(page.Locator("#operations-Mahasiswa-ListStudents")).ToBeVisibleAsync();
        await ShotAsync(page, "referensi");

        // The operation says what its key needs, in the campus's language.
        var operation = page.Locator("#operations-Mahasiswa-ListStudents");
        await operation.Locator(".opblock-summary-control").ClickAsync();
        await Assertions.Expect(operation.Locator(".opblock-description-wrapper")).ToContainTextAsync("Izin yang diperlukan: ViewDirectory");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        var status = operation.Locator(".live-responses-table .response .response-col_status");
        await Assertions.Expect(status).ToHaveTextAsync("401");
        await ShotAsync(page, "tanpa-kunci-401");

        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var dialog = page.Locator(".modal-ux");
        await dialog.Locator("input").FillAsync(key);
        await dialog.Locator(".auth-btn-wrapper button.authorize").ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Remove authorization" })).ToBeVisibleAsync();
        await ShotAsync(page, "kunci-dipasang", fullPage: false);
        await dialog.Locator("button.btn-done").ClickAsync();

        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("200");
        await Assertions.Expect(operation.Locator(".live-responses-table .response .response-col_description")).ToContainTextAsync("Dewi Kartika Sari");
        await operation.Locator(".live-responses-table").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "dengan-kunci-200");

        await page.WaitForTimeoutAsync(500);
        Assert.Empty(errors);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
        Assert.Contains(requests, url => url.EndsWith($"/{campus.Prefix}/openapi/v1.json"));
        Assert.Contains(requests, url => url.Contains($"/{campus.Prefix}/api/v1/mahasiswa"));
        var reported = platform.Services.GetRequiredService<CspViolationLog>().Recent();
        Assert.DoesNotContain(reported, v => v.DocumentPath.StartsWith($"/{campus.Prefix}/", StringComparison.Ordinal));
    }

    // Waiting for the next page's commit, not its load event: a load event that fires while the wait is being set up is
    // missed on a busy machine and the wait times out (CI saw it after sign-in).
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private static Task ShotAsync(IPage page, string step, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"referensi-api-{step}.png"), FullPage = fullPage });
}

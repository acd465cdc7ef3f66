using System.Text.RegularExpressions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// axe-core on the pages each kind of user reads most, on a phone (390×844) and on a laptop (1366×768):
/// the public form, the client's own page, the staff inbox, a case page, the reports and the archive.
/// A serious or critical violation fails the test with the rule and the elements concerned; a screenshot
/// of every page at both sizes is kept.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessibilityWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private ClientLaneCampus _c = null!;
    private Guid _case;

    public static readonly TheoryData<string, int, int> Sizes = new() { { "ponsel", 390, 844 }, { "laptop", 1366, 768 } };

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _c = await ClientLaneCampus.CreateAsync(platform, "a11y");
        await platform.SetFeatureAsync(_c.Campus, "Reports", enabled: true);
        await platform.SetFeatureAsync(_c.Campus, "Archive", enabled: true);
        using var sender = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(await _c.SubmitAsync(sender, _c.MahasiswaA));
        await _c.CompleteAsync(instance, "2", _c.Tu, "TU");
        Assert.True((await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(_c.MahasiswaA, "Mahasiswa"))).Succeeded);
        await _c.CompleteAsync(instance, "4", _c.Konselor, "Konselor");
        await _c.AgreeAsync(instance, "Ruang Konseling Gedung B lantai 2");
        _case = (await _c.CaseOfAsync(instance)).Id;
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_pages_users_read_most_have_no_serious_accessibility_violation(string size, int width, int height)
    {
        var prefix = _c.Campus.Prefix;
        await using (var visitor = await ContextAsync(width, height))
            await CheckAsync(await visitor.NewPageAsync(), $"/{prefix}/formulir/{ClientLaneCampus.Form}", "formulir-publik", size);

        await using (var student = await ContextAsync(width, height))
        {
            var page = await SignInAsync(student, _c.MahasiswaA, ClientLaneCampus.Password);
            await CheckAsync(page, $"/{prefix}/permohonan-saya", "halaman-klien", size);
        }

        await using (var counselor = await ContextAsync(width, height))
        {
            var page = await SignInAsync(counselor, _c.Konselor, ClientLaneCampus.Password);
            await CheckAsync(page, $"/{prefix}/admin/kasus", "kotak-masuk", size);
            await CheckAsync(page, $"/{prefix}/admin/kasus/{_case}", "halaman-kasus", size);
        }

        await using (var admin = await ContextAsync(width, height))
        {
            var page = await SignInAsync(admin, _c.Campus.AdminEmail, _c.Campus.AdminPassword);
            await CheckAsync(page, $"/{prefix}/admin/laporan", "laporan", size);
            await CheckAsync(page, $"/{prefix}/admin/arsip", "arsip", size);
        }
    }

    private async Task CheckAsync(IPage page, string path, string name, string size)
    {
        var response = await page.GotoAsync(path, CaseWalk.Loaded);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"aksesibilitas-{name}-{size}.png"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(page, $"{name} ({size})");
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{_c.Campus.Prefix}/akun/masuk", CaseWalk.Loaded);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/akun/masuk"));
        return page;
    }

    private async Task<IBrowserContext> ContextAsync(int width, int height)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID", IsMobile = width < 600, HasTouch = width < 600,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }
}

using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// ADR 0010 as its actors meet it: the campus admin, on a phone, cannot make a colleague a counselor (the role
/// is marked "rahasia" and the box cannot be ticked); the host administrator grants it on the campus's letter,
/// and the campus admin then sees the membership, still only to take away.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConfidentialAccessWalkthrough(PlatformFixture platform) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private int _step;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("unipma", "aksesrahasia");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_host_grants_a_counselor_role_on_a_letter_that_the_campus_admin_could_not()
    {
        await using var campusAdmin = await ContextAsync();
        var admin = await campusAdmin.NewPageAsync();
        await SignInAsync(admin, $"{_campus.Prefix}/akun/masuk", _campus.AdminEmail, _campus.AdminPassword);

        // 1. The campus admin opens TU's account: the counselor role is "rahasia" and cannot be ticked.
        var tu = await SecurityCampusUserIdAsync("tu@unipma.demo");
        await admin.GotoAsync($"{_campus.Prefix}/admin/pengguna/{tu}", Loaded);
        var konselorBox = admin.Locator("input[name='Input.Roles'][value='Konselor']");
        await Assertions.Expect(konselorBox).ToBeDisabledAsync();
        await Assertions.Expect(admin.Locator(".confidential-note")).ToContainTextAsync("administrator host");
        await ShotAsync(admin, "admin-kampus-peran-rahasia");

        // 2. The host administrator grants it on the campus's letter.
        await using var hostContext = await ContextAsync();
        var host = await hostContext.NewPageAsync();
        await SignInAsync(host, "akun/masuk", PlatformFixture.HostAdminEmail, PlatformFixture.HostAdminPassword);
        await host.GotoAsync($"admin/kampus/{_campus.Name}/akses-rahasia", Loaded);
        await Assertions.Expect(host.Locator("table.akses-rahasia")).ToContainTextAsync("Konselor");
        await ShotAsync(host, "host-akses-rahasia");
        var member = host.Locator("form.member");
        await member.Locator("select[name='Peran']").SelectOptionAsync("Konselor");
        await member.GetByLabel("E-mail pengguna").FillAsync("tu@unipma.demo");
        await member.GetByLabel("Nomor surat permintaan kampus").FillAsync("021/P2KLLK/XII/2026");
        await member.GetByRole(AriaRole.Button, new() { Name = "Tambahkan" }).ClickAsync();
        await Assertions.Expect(host.Locator(".alert.success")).ToBeVisibleAsync();
        await Assertions.Expect(host.Locator("table.akses-rahasia")).ToContainTextAsync("tu@unipma.demo");
        await ShotAsync(host, "host-ditambahkan");

        // 3. The campus admin sees the membership, ticked and still only removable; the trail names the letter.
        await admin.GotoAsync($"{_campus.Prefix}/admin/pengguna/{tu}", Loaded);
        await Assertions.Expect(konselorBox).ToBeCheckedAsync();
        await ShotAsync(admin, "admin-kampus-melihat-keanggotaan");
        await admin.GotoAsync($"{_campus.Prefix}/admin/audit", Loaded);
        await Assertions.Expect(admin.Locator("table.audit-entries")).ToContainTextAsync("021/P2KLLK/XII/2026");
        await ShotAsync(admin, "jejak-audit");
    }

    private Task<IBrowserContext> ContextAsync() => _browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = platform.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        Locale = "id-ID",
    });

    private static async Task SignInAsync(IPage page, string path, string email, string password)
    {
        await page.GotoAsync(path, Loaded);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/akun/masuk"));
    }

    private Task<string> SecurityCampusUserIdAsync(string email) => Security.SecurityCampus.UserIdAsync(_campus, email);

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"akses-rahasia-{++_step:00}-{name}.png"), FullPage = true });

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

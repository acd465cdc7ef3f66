using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A counselor with many cases works one from the inbox through its current step's action, on a phone (390×844) and on a laptop
/// (1366×768): the menu stays folded until asked for, the case opens on its header and its step's action, with no unrelated form
/// before it, and the other activities are tabs of their own. axe-core finds no serious or critical violation on the way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CasePageWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private const string Staf = "Staf Konseling & Asesmen";
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 }, Laptop = new() { Width = 1366, Height = 768 };
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private SeedCaseWalk _walk = null!;
    private int _shot;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "halaman");
        _walk = new SeedCaseWalk(platform, _campus);
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task On_a_phone_the_counselor_goes_from_the_inbox_to_the_case_and_agrees_the_session_its_step_asks_for()
    {
        var c = await ReferredCaseAsync("Rina Marlina", "2021005566");
        var page = await SignInAsync(Phone);
        await ShotAsync(page, "ponsel-beranda-staf");

        // The first screen is the page: the menu waits behind its button.
        var toggle = page.Locator(".admin-header .menu-toggle");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator("nav.admin-nav")).ToBeHiddenAsync();
        Assert.True((await page.Locator("main#isi").BoundingBoxAsync())!.Y < 100, "the content starts under a header of one line");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("nav.admin-nav")).ToBeVisibleAsync();
        await ShotAsync(page, "ponsel-menu-terbuka");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("nav.admin-nav")).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        await toggle.ClickAsync();
        await page.Locator("nav.admin-nav a[data-menu='admin/kasus']").ClickAsync();

        await WorkTheCaseAsync(page, c, "ponsel");
        await Assertions.Expect(page.Locator(".admin-header .menu-toggle")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_laptop_the_counselor_goes_from_the_inbox_to_the_case_and_agrees_the_session_its_step_asks_for()
    {
        var c = await ReferredCaseAsync("Bima Saputra", "2020004321");
        var page = await SignInAsync(Laptop);
        // Wide enough: the menu is a sidebar, no button.
        await Assertions.Expect(page.Locator(".admin-header .menu-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav.admin-nav")).ToBeVisibleAsync();
        await page.Locator("nav.admin-nav a[data-menu='admin/kasus']").ClickAsync();

        await WorkTheCaseAsync(page, c, "laptop");
    }

    [Fact]
    public async Task The_public_header_on_a_phone_is_one_line_and_its_menu_opens_from_the_button()
    {
        foreach (var (size, name) in new[] { (Phone, "ponsel"), (Laptop, "laptop") })
        {
            var page = await NewPageAsync(size);
            await page.GotoAsync($"{_campus.Prefix}/", Loaded);
            var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
            var menu = page.Locator("#menu-situs");
            if (size == Phone)
            {
                Assert.True(header.Height < 90, $"the public header is {header.Height} px high on a phone");
                await Assertions.Expect(menu).ToBeHiddenAsync();
                await page.Locator(".site-header .menu-toggle").ClickAsync();
                await Assertions.Expect(menu).ToBeVisibleAsync();
                await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Masuk" })).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(page.Locator(".site-header .menu-toggle")).ToBeHiddenAsync();
                await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Masuk" })).ToBeVisibleAsync();
            }
            await AssertAccessibleAsync(page, $"beranda ({name})");
            await ShotAsync(page, $"{name}-beranda-publik");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Inbox → case → the step card's agreement → the step done; then the notes tab, which a counselor writes confidentially by default.</summary>
    private async Task WorkTheCaseAsync(IPage page, CaseRow c, string name)
    {
        var row = page.Locator($"tr[data-kasus='{c.Nomor}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".badge.status")).ToHaveTextAsync("berjalan");
        await AssertAccessibleAsync(page, $"kotak masuk ({name})");
        await ShotAsync(page, $"{name}-kotak-masuk");
        await row.Locator("td.nomor a").ClickAsync();

        // The header says whose case, which SOP, which step, its state; the summary tab is the current one.
        var head = page.Locator("header.case-head");
        await Assertions.Expect(head.Locator("h1")).ToContainTextAsync(c.Nomor);
        await Assertions.Expect(head.Locator(".client-name")).ToContainTextAsync(c.Nama);
        await Assertions.Expect(head).ToContainTextAsync("Layanan Konseling Mahasiswa Rujukan");
        await Assertions.Expect(head.Locator(".step-now")).ToContainTextAsync("2 ");
        await Assertions.Expect(head.Locator("h1 .badge")).ToHaveTextAsync("berjalan");
        await Assertions.Expect(page.Locator("nav.case-tabs a[aria-current='page']")).ToHaveTextAsync("Ringkasan");

        // The step's action comes first: no other form stands before it, and its card starts on the first screen.
        var card = page.Locator("article.step-card[data-langkah='2']");
        var form = card.Locator("form.step-agree");
        await Assertions.Expect(form).ToBeVisibleAsync();
        Assert.Equal("step-agree", await page.EvaluateAsync<string>("() => [...document.querySelector('main form').classList].find(c => c === 'step-agree') ?? document.querySelector('main form').className"));
        var viewport = page.ViewportSize!;
        Assert.True((await card.Locator("h3").BoundingBoxAsync())!.Y < viewport.Height, "the current step is on the first screen");
        await AssertAccessibleAsync(page, $"kasus ({name})");
        await ShotAsync(page, $"{name}-kasus-langkah-sekarang");

        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        await form.GetByLabel("Tanggal").FillAsync(day);
        await form.GetByLabel("Jam").FillAsync("10:00");
        await form.GetByLabel("Tempat (tatap muka)").FillAsync("Ruang Konseling & Asesmen");
        await ShotAsync(page, $"{name}-kasus-kesepakatan-diisi");
        await form.GetByRole(AriaRole.Button, new() { Name = "Simpan kesepakatan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("Kesepakatan jadwal disimpan");
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("Langkah 2 selesai");
        await Assertions.Expect(page.Locator("article.step-card[data-langkah='2']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.step-card[data-langkah='3']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.next-session")).ToContainTextAsync("Ruang Konseling & Asesmen");
        await ShotAsync(page, $"{name}-kasus-langkah-selesai");

        // Each activity is a tab: a link, marked as the current page.
        await page.Locator("nav.case-tabs a[data-tab='catatan']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/kasus/{c.Id}/catatan$"));
        await Assertions.Expect(page.Locator("nav.case-tabs a[aria-current='page']")).ToHaveTextAsync("Catatan");
        await Assertions.Expect(page.Locator("form.note input[name='Tingkat'][value='konseling']")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, $"catatan ({name})");
        await ShotAsync(page, $"{name}-kasus-catatan");
        await page.Locator("nav.case-tabs a[data-tab='jadwal']").ClickAsync();
        await Assertions.Expect(page.Locator(".agreement")).ToContainTextAsync("Ruang Konseling & Asesmen");
        await AssertAccessibleAsync(page, $"jadwal ({name})");
        await ShotAsync(page, $"{name}-kasus-jadwal");
    }

    /// <summary>A student referred by their academic advisor, whose report staff received (step 1): the case waits for its agreement (step 2).</summary>
    private async Task<CaseRow> ReferredCaseAsync(string nama, string nim)
    {
        var staf = await _walk.PersonAsync(Staf);
        using var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, staf.Email, "Demo12345");
        using var opened = await client.SubmitAsync($"{_campus.Prefix}/admin/kasus/baru", "form.new-case", new Dictionary<string, string>
        {
            ["Nama"] = nama, ["Nim"] = nim, ["JenisKlien"] = "Mahasiswa", ["Cara"] = "Rujukan", ["Sop"] = "IK-KA-RUJUKAN", ["Perujuk"] = "Dosen PA Prodi Psikologi",
            ["Uraian"] = "Dosen PA melihat nilai klien turun dan klien sering tidak masuk kelas.",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var c = await _walk.CaseAsync(Guid.Parse(opened.Headers.Location!.OriginalString.Split('/').Last()));
        Assert.Null(await _walk.CompleteAsync(c, "1", staf));
        await _walk.AssignAsync(c, staf, staf);
        return await _walk.CaseAsync(c.Id);
    }

    private async Task<IPage> NewPageAsync(ViewportSize size)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = size, Locale = "id-ID", IsMobile = size == Phone, HasTouch = size == Phone,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignInAsync(ViewportSize size)
    {
        var page = await NewPageAsync(size);
        await page.GotoAsync($"{_campus.Prefix}/akun/masuk", Loaded);
        await page.GetByLabel("E-mail").FillAsync((await _walk.PersonAsync(Staf)).Email);
        await page.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_campus.Prefix}/admin$"));
        return page;
    }

    private static Task AssertAccessibleAsync(IPage page, string what) => Axe.AssertNoSeriousViolationsAsync(page, what);

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"kasus-halaman-{++_shot:00}-{name}.png"), FullPage = true });
}

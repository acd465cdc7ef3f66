using System.Text.RegularExpressions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A student signs in and lands on their own page (issue 14), on a phone and on a laptop: they read where their request
/// stands and when the step under way is due, read what their counselor wrote to them, and confirm the agreed session.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientPageWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private static ClientLaneCampus? _campus;
    private ClientLaneCampus _c = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _c = _campus ??= await ClientLaneCampus.CreateAsync(platform, "halamanku");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public Task On_a_phone() => WalkAsync(_c.MahasiswaA, new ViewportSize { Width = 390, Height = 844 }, "ponsel", mobile: true);

    [Fact]
    public Task On_a_laptop() => WalkAsync(_c.MahasiswaB, new ViewportSize { Width = 1366, Height = 768 }, "laptop", mobile: false);

    private async Task WalkAsync(string student, ViewportSize size, string device, bool mobile)
    {
        // The request reached the student's confirmation of the agreed session; the counselor wrote them some advice.
        string code;
        using (var sender = await _c.SignedInAsync(platform, student))
        {
            code = await _c.SubmitAsync(sender, student);
            var instance = await _c.InstanceOfAsync(code);
            await _c.CompleteAsync(instance, "2", _c.Tu, "TU");
            Assert.True((await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(student, "Mahasiswa"))).Succeeded);
            await _c.CompleteAsync(instance, "4", _c.Konselor, "Konselor");
            await _c.AgreeAsync(instance, "Ruang Konseling Gedung B lantai 2");
            await _c.CounselorWritesAsync(instance, "Catatan sesi: kecemasan menjelang sidang.", "Sebelum sesi, cobalah mencatat tiga hal yang membuat Anda cemas.");
        }

        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = size, Locale = "id-ID", IsMobile = mobile, HasTouch = mobile,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_c.Campus.Prefix}/akun/masuk", CaseWalk.Loaded);
        await page.GetByLabel("E-mail").FillAsync(student);
        await page.GetByLabel("Kata sandi").FillAsync(ClientLaneCampus.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        // Straight to their own page: no "Akses ditolak".
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_c.Campus.Prefix}/permohonan-saya$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
        await Assertions.Expect(page.Locator(".site-nav a.permohonan-saya")).ToHaveAttributeAsync("aria-current", "page");

        var card = page.Locator($"article.permohonan[data-kode='{code}']");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("Menunggu Anda");
        await Assertions.Expect(card.Locator(".langkah-sekarang")).ToContainTextAsync("Giliran Anda: Mahasiswa mengonfirmasi jadwal konseling");
        await Assertions.Expect(card.Locator(".langkah-sekarang .jatuh-tempo")).ToContainTextAsync(new Regex(@"Perkiraan selesai: \w+, \d{1,2} \w+ \d{4} pukul \d\d\.\d\d WIB \("));
        await Assertions.Expect(card.Locator(".riwayat li")).ToHaveCountAsync(4);
        await Assertions.Expect(card.Locator(".jadwal")).ToContainTextAsync("Ruang Konseling Gedung B lantai 2");
        await Assertions.Expect(card.Locator(".jadwal a.kalender")).ToHaveTextAsync("Tambahkan ke kalender (.ics)");
        await ShotAsync(page, device, "01-mendarat-di-halaman-sendiri");
        await Axe.AssertNoSeriousViolationsAsync(page, $"Permohonan saya ({device})");

        // What the counselor released is there to read; their session note is not.
        var advice = card.Locator(".pesan-unit .dirilis");
        await advice.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(advice).ToContainTextAsync("Sebelum sesi, cobalah mencatat tiga hal yang membuat Anda cemas.");
        Assert.DoesNotContain("kecemasan menjelang sidang", await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath(device, "02-pesan-dari-konselor") });

        // The step waiting for them, with the agreed session, confirmed from here.
        var step = page.Locator($"article.langkah-klien[data-kode='{code}'][data-langkah='5']");
        await Assertions.Expect(step.Locator(".tempat")).ToHaveTextAsync("Ruang Konseling Gedung B lantai 2");
        await step.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi jadwal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pesan")).ToHaveTextAsync("Jadwal konseling sudah Anda konfirmasi.");
        await Assertions.Expect(page.Locator($"article.langkah-klien[data-kode='{code}']")).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("Sedang diproses");
        await Assertions.Expect(card.Locator(".langkah-sekarang")).ToContainTextAsync("Sedang dikerjakan: Konselor melaksanakan konseling");
        await ShotAsync(page, device, "03-jadwal-dikonfirmasi");
        await context.CloseAsync();
    }

    private static string ShotPath(string device, string name) => Path.Combine(RepoPaths.Screenshots, $"halaman-klien-{device}-{name}.png");

    private static Task ShotAsync(IPage page, string device, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath(device, name), FullPage = true });
}

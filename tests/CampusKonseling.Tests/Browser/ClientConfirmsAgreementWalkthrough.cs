using System.Text.RegularExpressions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A client lane on a phone: the student whose request reached "Mahasiswa mengonfirmasi jadwal konseling" signs in,
/// opens Permohonan saya, reads the agreed meeting and confirms it; the SOP moves on to the counselor's session.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientConfirmsAgreementWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private ClientLaneCampus _c = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _c = await ClientLaneCampus.CreateAsync(platform, "konfirmasi");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_student_confirms_the_agreed_meeting_from_their_phone()
    {
        using (var sender = await _c.SignedInAsync(platform, _c.MahasiswaA))
        {
            var instance = await _c.InstanceOfAsync(await _c.SubmitAsync(sender, _c.MahasiswaA));
            await _c.CompleteAsync(instance, "2", _c.Tu, "TU");
            Assert.True((await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(_c.MahasiswaA, "Mahasiswa"))).Succeeded);
            await _c.CompleteAsync(instance, "4", _c.Konselor, "Konselor");
            await _c.AgreeAsync(instance, "Ruang Konseling Gedung B lantai 2");
        }

        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID", IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(60_000);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"{_c.Campus.Prefix}/akun/masuk", Loaded);
        await phone.GetByLabel("E-mail").FillAsync(_c.MahasiswaA);
        await phone.GetByLabel("Kata sandi").FillAsync(ClientLaneCampus.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(phone).Not.ToHaveURLAsync(new Regex("/akun/masuk"));

        await phone.GotoAsync(_c.MinePath, Loaded);
        var step = phone.Locator("article.langkah-klien[data-langkah='5']");
        await Assertions.Expect(step).ToContainTextAsync("Mahasiswa mengonfirmasi jadwal konseling");
        await Assertions.Expect(step.Locator(".tempat")).ToHaveTextAsync("Ruang Konseling Gedung B lantai 2");
        await Assertions.Expect(step.Locator(".jatuh-tempo")).ToContainTextAsync("Mohon diselesaikan sebelum");
        await ShotAsync(phone, "01-menunggu-konfirmasi");

        await step.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi jadwal" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#pesan")).ToHaveTextAsync("Jadwal konseling sudah Anda konfirmasi.");
        await Assertions.Expect(phone.Locator("article.langkah-klien")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator(".permohonan .langkah")).ToContainTextAsync("Konselor melaksanakan konseling");
        await ShotAsync(phone, "02-jadwal-dikonfirmasi");
    }

    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;

    private static Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(RepoPaths.Screenshots, $"klien-konfirmasi-jadwal-{name}.png"), FullPage = true,
    });
}

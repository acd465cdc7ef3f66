using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A UNIPMA student on a phone asks for a copy of their data from their own page; TU verifies the request, the counselor
/// gives the counseling notes, TU answers, each on their own screen; the student then downloads the copy as a PDF.
/// Screenshots of each page, and no serious or critical axe-core violation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HakSubjekWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("unipma", "hakjalan");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_student_asks_for_their_data_and_downloads_it_after_the_unit_answers()
    {
        var student = await SignInAsync("mahasiswa@unipma.demo", 390, 844);
        await Assertions.Expect(student).ToHaveURLAsync(new Regex($"/{_campus.Prefix}/permohonan-saya$"));
        await student.GetByRole(AriaRole.Link, new() { Name = "Data pribadi saya" }).ClickAsync();
        await Assertions.Expect(student.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Data pribadi saya");
        await student.GetByLabel("Salinan data pribadi saya (akses)").CheckAsync();
        await student.GetByRole(AriaRole.Button, new() { Name = "Kirim permintaan" }).ClickAsync();
        await Assertions.Expect(student.Locator("#pesan")).ToContainTextAsync("diterima. Unit layanan menjawab paling lambat");
        var nomor = await student.Locator("article.permintaan").First.GetAttributeAsync("data-nomor");
        await Assertions.Expect(student.Locator("article.permintaan").First).ToContainTextAsync("Dijawab paling lambat");
        await student.ScreenshotAsync(new() { Path = Shot("diajukan-ponsel"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(student, "Data pribadi saya (ponsel)");

        var tu = await SignInAsync("tu@unipma.demo", 1366, 768);
        await tu.GotoAsync($"{_campus.Prefix}/admin/privasi/permintaan", Loaded);
        var row = tu.Locator($"tr[data-nomor='{nomor}']");
        await Assertions.Expect(row).ToContainTextAsync("giliran Anda");
        await tu.ScreenshotAsync(new() { Path = Shot("daftar-desktop"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(tu, "Permintaan hak subjek data");
        await row.GetByRole(AriaRole.Link, new() { Name = nomor! }).ClickAsync();
        await Assertions.Expect(tu.Locator("[data-bagian]").First).ToBeVisibleAsync();
        await tu.ScreenshotAsync(new() { Path = Shot("verifikasi-desktop"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(tu, "Permintaan: verifikasi");
        await tu.GetByRole(AriaRole.Button, new() { Name = "Tandai selesai" }).ClickAsync();
        await Assertions.Expect(tu.Locator("p.alert.success")).ToContainTextAsync("Langkah tercatat selesai.");

        var konselor = await SignInAsync("konselor@unipma.demo", 1366, 768);
        await konselor.GotoAsync($"{_campus.Prefix}/admin/privasi/permintaan", Loaded);
        await konselor.Locator($"tr[data-nomor='{nomor}']").GetByRole(AriaRole.Link, new() { Name = nomor! }).ClickAsync();
        await konselor.GetByLabel("Sertakan catatan konseling").CheckAsync();
        await konselor.ScreenshotAsync(new() { Path = Shot("telaah-desktop"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(konselor, "Permintaan: telaah konselor");
        await konselor.GetByRole(AriaRole.Button, new() { Name = "Simpan telaah" }).ClickAsync();
        await Assertions.Expect(konselor.Locator("p.alert.success")).ToContainTextAsync("Keputusan telaah tercatat.");

        await tu.GotoAsync($"{_campus.Prefix}/admin/privasi/permintaan", Loaded);
        await tu.Locator($"tr[data-nomor='{nomor}']").GetByRole(AriaRole.Link, new() { Name = nomor! }).ClickAsync();
        await Assertions.Expect(tu.GetByLabel("Jawaban kepada pemohon")).ToContainTextAsync("Salinan data pribadi Anda");
        await tu.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Assertions.Expect(tu.Locator("p.alert.success")).ToContainTextAsync("Jawaban terkirim kepada pemohon.");

        await student.ReloadAsync(Reload);
        var answered = student.Locator($"article[data-nomor='{nomor}']");
        await Assertions.Expect(answered.Locator("[data-jawaban]")).ToContainTextAsync("Salinan data pribadi Anda");
        await student.ScreenshotAsync(new() { Path = Shot("dijawab-ponsel"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(student, "Data pribadi saya, dijawab (ponsel)");
        var download = await student.RunAndWaitForDownloadAsync(() => answered.GetByRole(AriaRole.Link, new() { Name = "Unduh salinan (PDF)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes[..4]));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
    }

    private Task<IPage> SignInAsync(string email, int width, int height) => _browser.SignedInAsync(platform.BaseAddress, _campus.Prefix, email, width, height);

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"hak-subjek-{step}.png");

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
    private static readonly PageReloadOptions Reload = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

using System.Globalization;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A breach on UNIPMA's campus as its actors meet it: TU records it at a desk with the moment the unit learnt of it; the
/// Kepala P2KLLK, on a phone, assesses it, makes the two letters, notifies the people concerned and the authority, and
/// closes it. Screenshots of each page, and no serious or critical axe-core violation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InsidenWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("unipma", "insidenjalan");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    private static string Local(TimeSpan ago) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow - ago, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Tu_records_a_breach_and_the_head_works_it_to_closure_on_a_phone()
    {
        // The campus names its data protection officer first: the letters carry their contact, and they learn of every breach.
        var admin = await SignInAsync(_campus.AdminEmail, 1366, 768, _campus.AdminPassword);
        await admin.GotoAsync($"{_campus.Prefix}/admin/privasi", Loaded);
        var dpo = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Pejabat pelindungan data pribadi" }) });
        await dpo.GetByLabel("Nama").FillAsync("Dr. Lestari Widyaningrum");
        await dpo.GetByLabel("E-mail").FillAsync("ppdp@unipma.test");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Simpan pejabat" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync("Pejabat pelindungan data pribadi disimpan.");

        var tu = await SignInAsync("tu@unipma.demo", 1366, 768);
        await tu.GotoAsync($"{_campus.Prefix}/admin/privasi/insiden", Loaded);
        await tu.GetByLabel("Judul singkat").FillAsync("Daftar hadir konseling tertinggal di ruang publik");
        await tu.GetByRole(AriaRole.Textbox, new() { Name = "Apa yang terjadi" }).FillAsync("Map berisi daftar hadir sesi konseling karier ditemukan di ruang tunggu perpustakaan.");
        await tu.GetByLabel("Diketahui pada").FillAsync(Local(TimeSpan.FromHours(2)));
        await tu.GetByLabel("E-mail subjek data yang mungkin terdampak").FillAsync("alumni1@surel.test\nalumni2@surel.test");
        await tu.ScreenshotAsync(new() { Path = Shot("catat-desktop"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(tu, "Register insiden");
        await tu.GetByRole(AriaRole.Button, new() { Name = "Catat insiden" }).ClickAsync();
        await Assertions.Expect(tu.Locator("p.alert.success")).ToContainTextAsync("tercatat");
        var nomor = (await tu.Locator("h1").TextContentAsync())!.Split(' ')[1].TrimEnd(':');
        await Assertions.Expect(tu.Locator("[data-peristiwa='dicatat']")).ToContainTextAsync("Sri Wahyuningsih");
        await Assertions.Expect(tu.Locator("[data-peristiwa='pejabat-diberitahu']")).ToContainTextAsync("ppdp@unipma.test");

        var kepala = await SignInAsync("kepala@unipma.demo", 390, 844);
        await kepala.GotoAsync($"{_campus.Prefix}/admin/privasi/insiden", Loaded);
        var row = kepala.Locator($"tr[data-nomor='{nomor}']");
        await Assertions.Expect(row).ToContainTextAsync("giliran Anda");
        await kepala.ScreenshotAsync(new() { Path = Shot("register-ponsel"), FullPage = true });
        await row.GetByRole(AriaRole.Link, new() { Name = nomor }).ClickAsync();
        await kepala.GetByRole(AriaRole.Radio, new() { Name = "Terbukti: subjek data dan lembaga diberi tahu" }).CheckAsync();
        await kepala.GetByRole(AriaRole.Textbox, new() { Name = "Data pribadi yang terungkap", Exact = true }).FillAsync("Nama, NIM, dan tanda tangan peserta konseling karier");
        await kepala.GetByRole(AriaRole.Checkbox, new() { Name = "Termasuk data pribadi spesifik" }).CheckAsync();
        await kepala.GetByRole(AriaRole.Textbox, new() { Name = "Bagaimana terungkap" }).FillAsync("Map tertinggal di ruang tunggu perpustakaan selama sekitar satu jam");
        await kepala.GetByRole(AriaRole.Spinbutton, new() { Name = "Jumlah subjek data terdampak" }).FillAsync("2");
        await kepala.GetByRole(AriaRole.Textbox, new() { Name = "Upaya penanganan dan pemulihan", Exact = true }).FillAsync("Map diamankan; daftar hadir kini disimpan di lemari terkunci P2KLLK");
        await kepala.ScreenshotAsync(new() { Path = Shot("nilai-ponsel"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(kepala, "Insiden: penilaian (ponsel)");
        await kepala.GetByRole(AriaRole.Button, new() { Name = "Simpan penilaian" }).ClickAsync();
        await Assertions.Expect(kepala.Locator("p.alert.success")).ToContainTextAsync("Penilaian tercatat.");

        await kepala.GetByRole(AriaRole.Button, new() { Name = "Buat surat kepada subjek data" }).ClickAsync();
        await Assertions.Expect(kepala.Locator("[data-templat='pemberitahuan-insiden-subjek']")).ToContainTextAsync("✓");
        await kepala.GetByRole(AriaRole.Button, new() { Name = "Buat surat kepada lembaga" }).ClickAsync();
        await Assertions.Expect(kepala.Locator("[data-templat='pemberitahuan-insiden-lembaga']")).ToContainTextAsync("✓");
        await Assertions.Expect(kepala.GetByRole(AriaRole.Textbox, new() { Name = "E-mail subjek data yang diberi tahu" })).ToHaveValueAsync("alumni1@surel.test\nalumni2@surel.test");
        await kepala.GetByLabel("Surat kepada lembaga dikirim pada").FillAsync(Local(TimeSpan.FromMinutes(10)));
        await kepala.GetByRole(AriaRole.Textbox, new() { Name = "Dikirim melalui" }).FillAsync("e-mail pengaduan lembaga PDP");
        await kepala.ScreenshotAsync(new() { Path = Shot("beritahu-ponsel"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(kepala, "Insiden: pemberitahuan (ponsel)");
        var download = await kepala.RunAndWaitForDownloadAsync(() => kepala.Locator("[data-surat='pemberitahuan-insiden-subjek'] a").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes[..4]));
        // The letter as the people concerned read it, drawn to a PNG to look at.
        Assert.Equal(1, CampusKonseling.Tests.Sop.Dokumen.PdfPages.Render((await download.PathAsync())!, "insiden-surat-subjek"));
        await kepala.GetByRole(AriaRole.Button, new() { Name = "Kirim pemberitahuan kepada subjek data" }).ClickAsync();
        await Assertions.Expect(kepala.Locator("p.alert.success")).ToContainTextAsync("Pemberitahuan terkirim");

        await kepala.GetByRole(AriaRole.Textbox, new() { Name = "Penanganan, pemulihan, dan langkah pencegahan" }).FillAsync("Daftar hadir tidak lagi dibawa keluar ruang P2KLLK.");
        await kepala.GetByRole(AriaRole.Button, new() { Name = "Tutup insiden" }).ClickAsync();
        await Assertions.Expect(kepala.Locator("p.alert.success")).ToContainTextAsync("Insiden ditutup.");
        await Assertions.Expect(kepala.Locator("[data-peristiwa]")).ToHaveCountAsync(8);
        await kepala.ScreenshotAsync(new() { Path = Shot("ditutup-ponsel"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(kepala, "Insiden ditutup (ponsel)");
    }

    private Task<IPage> SignInAsync(string email, int width, int height, string password = "Demo12345") =>
        _browser.SignedInAsync(platform.BaseAddress, _campus.Prefix, email, width, height, password);

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"insiden-{step}.png");

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

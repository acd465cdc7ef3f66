using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// UNIPMA's Layanan Konseling Karier (SOP.P2KLLK-04) walked by its actors: an alumnus asks on the campus
/// site from their phone (the form does steps 1–2); the Kepala P2KLLK signs the numbered Surat Rekomendasi and
/// names the counselor; that counselor agrees a time; the alumnus confirms it on their own page (Permohonan saya);
/// the Berita Acara, the session with its sealed note, and the counselor's report close the case into the archive.
/// A screenshot per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CareerCounselingWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _unipma = null!;
    private SopHarness _in = null!;
    private CaseWalk _walk = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _unipma = await platform.CreateTenantAsync("unipma", "karier");
        _walk = new CaseWalk(_browser, platform, _unipma, "karier-unipma");
        _in = _walk.In;
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_alumnus_is_counseled_on_career_from_request_to_report()
    {
        // 1–2. The alumnus, signed in on their phone, fills the request form: the form does steps 1 and 2.
        var form = (await _in.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().CurrentAsync("permohonan-konseling-karier")))!.Form;
        var email = await _in.EmailOfAsync("Calon Alumni/Alumni");
        var phone = await (await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID", IsMobile = true,
        })).NewPageAsync();
        phone.SetDefaultTimeout(60_000);
        await phone.GotoAsync($"{_unipma.Prefix}/akun/masuk", Loaded);
        await phone.GetByLabel("E-mail").FillAsync(email);
        await phone.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(phone).Not.ToHaveURLAsync(new Regex("/akun/masuk"));
        await phone.GotoAsync($"{_unipma.Prefix}/formulir/permohonan-konseling-karier", Loaded);
        foreach (var field in form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis)))
        {
            var box = phone.Locator($"[data-isian='{field.Id}']");
            if (await box.IsVisibleAsync()) await SeedFormWalkthrough.FillAsync(box, field, email);
        }
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
        var code = (await phone.Locator("#kode-pelacakan").TextContentAsync())!;
        await ShotAsync(phone, "permohonan-terkirim");
        var c = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));
        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        Assert.Equal(("3", "Sistem", "Sistem"), (instance.Aktif.Single().StepId, SeedCaseWalk.DoneBy(instance, "1"), SeedCaseWalk.DoneBy(instance, "2")));

        // 3. P2KLLK finds it in its inbox, makes the numbered recommendation letter and names the counselor.
        var kepala = await AsAsync("Kepala/Sekretaris P2KLLK");
        await kepala.GotoAsync($"{_unipma.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(kepala.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await ShotAsync(kepala, "kotak-masuk-p2kllk");
        var rekomendasi = await LetterAsync(kepala, c, "surat-rekomendasi-konseling");
        Assert.Matches(@"^001/REK/", rekomendasi);
        await kepala.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}/klien", Loaded);
        await kepala.Locator("form.assign select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await kepala.Locator("form.assign button").ClickAsync();
        await Assertions.Expect(kepala.Locator("#konselor")).Not.ToContainTextAsync("belum ditugaskan");
        await ShotAsync(kepala, "konselor-ditunjuk");
        await CompleteStepAsync(kepala, c, "3");

        // 4. The recommended counselor agrees the session; the alumnus is e-mailed.
        var konselor = await AsAsync("Konselor");
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(konselor.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}/jadwal", Loaded);
        await konselor.Locator("form.agree #Tanggal").FillAsync(DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"));
        await konselor.Locator("form.agree #Jam").FillAsync("09:00");
        await konselor.Locator("form.agree #Tempat").FillAsync("Ruang Konseling P2KLLK");
        await konselor.Locator("form.agree button[type=submit]").ClickAsync();
        await Assertions.Expect(konselor.Locator(".agreement")).ToContainTextAsync("Ruang Konseling P2KLLK");
        await ShotAsync(konselor, "kesepakatan");
        Assert.Contains("Ruang Konseling P2KLLK", (await MailDev.WaitForAsync(email, where: m => m.Subject.Contains("Jadwal konseling") && m.Subject.Contains(c.Nomor))).Text);

        // The alumnus confirms the agreement from their own page, on the phone: that completes step 4.
        await phone.GotoAsync($"{_unipma.Prefix}/permohonan-saya", Loaded);
        var langkah = phone.Locator("article.langkah-klien[data-langkah='4']");
        await Assertions.Expect(langkah).ToContainTextAsync("Ruang Konseling P2KLLK");
        await ShotAsync(phone, "permohonan-saya-kesepakatan");
        await langkah.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi jadwal" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#pesan")).ToContainTextAsync("Jadwal konseling sudah Anda konfirmasi.");
        await Assertions.Expect(phone.Locator("article.langkah-klien[data-langkah='4']")).ToHaveCountAsync(0);
        await ShotAsync(phone, "jadwal-dikonfirmasi");
        Assert.Equal(await _in.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync("Calon Alumni/Alumni")).Single(u => u.Email == email).Nama),
            SeedCaseWalk.DoneBy(await _in.InstanceAsync(c.SopInstanceId!.Value), "4"));

        // 5. P2KLLK prepares the room: the numbered Berita Acara.
        Assert.Matches(@"^001/BA/", await LetterAsync(kepala, c, "berita-acara-pelaksanaan-konseling"));
        await CompleteStepAsync(kepala, c, "5");

        // 6. The session day comes; the counselor holds it and writes the sealed session note.
        await new SeedCaseWalk(platform, _unipma).SessionTimeComesAsync(c);
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}/catatan", Loaded);
        await konselor.Locator("form.note #Jenis").SelectOptionAsync("sesi");
        // The case's counselor writes at the counseling tier unless they choose otherwise.
        await Assertions.Expect(konselor.Locator("form.note input[name='Tingkat'][value='konseling']")).ToBeCheckedAsync();
        await konselor.Locator("form.note #Isi").FillAsync("Klien ragu antara melanjutkan S2 dan bekerja; disepakati menyusun peta karier.");
        await konselor.Locator("form.note button").ClickAsync();
        await Assertions.Expect(konselor.Locator(".entries")).ToContainTextAsync("peta karier");
        await ShotAsync(konselor, "catatan-sesi");
        await CompleteStepAsync(konselor, c, "6");

        // 7. The counselor's numbered report to P2KLLK closes the case.
        var laporan = await LetterAsync(konselor, c, "laporan-konseling");
        Assert.Matches(@"^001/LAP/", laporan);
        await CompleteStepAsync(konselor, c, "7");

        // Closed; TU sees the letters but not the session note, and finds the case in the archive by its letter only.
        var tu = await AsAsync("TU");
        await tu.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}/surat", Loaded);
        await Assertions.Expect(tu.Locator("table.letters")).ToContainTextAsync(rekomendasi);
        await Assertions.Expect(tu.Locator("table.letters")).ToContainTextAsync(laporan);
        await tu.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}/catatan", Loaded);
        await Assertions.Expect(tu.Locator(".entries .sealed").First).ToBeVisibleAsync();
        await Assertions.Expect(tu.Locator("body")).Not.ToContainTextAsync("peta karier");
        await tu.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(tu.Locator("h1 .badge")).ToHaveTextAsync("selesai");
        await Assertions.Expect(tu.Locator("body")).Not.ToContainTextAsync("peta karier");
        await ShotAsync(tu, "kasus-selesai-dilihat-tu");
        await tu.GotoAsync($"{_unipma.Prefix}/admin/arsip?Q={Uri.EscapeDataString(rekomendasi)}", Loaded);
        await Assertions.Expect(tu.Locator($"li.hit[data-subjek='{c.Id}']")).ToBeVisibleAsync();
        await tu.GotoAsync($"{_unipma.Prefix}/admin/arsip?Q=peta+karier", Loaded);
        await Assertions.Expect(tu.Locator("#jumlah")).ToHaveTextAsync("0 hasil");
        await ShotAsync(tu, "arsip-dicari-tu");

        // The alumnus's own page shows the request done.
        await phone.GotoAsync($"{_unipma.Prefix}/permohonan-saya", Loaded);
        await Assertions.Expect(phone.Locator($"article.permohonan[data-kode='{code}'] .status")).ToHaveTextAsync("Selesai");
        await ShotAsync(phone, "permohonan-saya-selesai");
    }

    private Task<IPage> AsAsync(string role) => _walk.AsAsync(role);
    private Task CompleteStepAsync(IPage page, CaseRow c, string step) => _walk.CompleteStepAsync(page, c.Id, step);
    private Task<string> LetterAsync(IPage page, CaseRow c, string template) => _walk.LetterAsync(page, c.Id, template);
    private Task ShotAsync(IPage page, string name) => _walk.ShotAsync(page, name);
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
}

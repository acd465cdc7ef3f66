using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// UNIPMA's Layanan Konseling Karier (SOP.P2KLLK-04) walked by its actors: an alumnus asks on the campus
/// site; TU receives and forwards; the Kepala P2KLLK assigns a counselor and signs the numbered Surat
/// Rekomendasi; the counselor agrees a time, holds the session, writes the sealed session note and the
/// Berita Acara; the report closes the case. A screenshot per step.
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
        // 1. The alumnus asks on the campus site (phone-sized).
        var form = (await _in.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().CurrentAsync("permohonan-konseling-karier")))!.Form;
        var email = $"alumni.{Guid.NewGuid():N}@alumni.test";
        var phone = await (await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID",
        })).NewPageAsync();
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

        // 2. TU finds it in its inbox and works steps 1–3 (receive, check, forward to the head).
        var tu = await AsAsync("TU");
        await tu.GotoAsync($"{_unipma.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(tu.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await ShotAsync(tu, "kotak-masuk-tu");
        foreach (var step in new[] { "1", "2", "3" }) await CompleteStepAsync(tu, c, step);

        // 3. The head assigns a counselor and signs the numbered recommendation letter.
        var kepala = await AsAsync("Kepala/Sekretaris P2KLLK");
        await kepala.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}", Loaded);
        await kepala.Locator("form.assign select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await kepala.Locator("form.assign button").ClickAsync();
        await Assertions.Expect(kepala.Locator("#konselor")).Not.ToContainTextAsync("belum ditugaskan");
        await ShotAsync(kepala, "konselor-ditugaskan");
        var rekomendasi = await LetterAsync(kepala, c, "surat-rekomendasi-konseling");
        Assert.Matches(@"^001/", rekomendasi);

        // 4. The counselor agrees the time with the alumnus (who is e-mailed) and completes step 4.
        var konselor = await AsAsync("Konselor");
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(konselor.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}", Loaded);
        await konselor.Locator("form.agree #Tanggal").FillAsync(DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"));
        await konselor.Locator("form.agree #Jam").FillAsync("09:00");
        await konselor.Locator("form.agree #Tempat").FillAsync("Ruang Konseling P2KLLK");
        await konselor.Locator("form.agree button[type=submit]").ClickAsync();
        await Assertions.Expect(konselor.Locator(".agreement")).ToContainTextAsync("Ruang Konseling P2KLLK");
        await ShotAsync(konselor, "kesepakatan");
        Assert.Contains("Ruang Konseling P2KLLK", (await MailDev.WaitForAsync(email, where: m => m.Subject.Contains("Jadwal konseling"))).Text);
        await CompleteStepAsync(konselor, c, "4");
        await CompleteStepAsync(kepala, c, "5");

        // 5. The session: a sealed counseling note, the Berita Acara, then the report to the head.
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}", Loaded);
        await konselor.Locator("form.note #Jenis").SelectOptionAsync("sesi");
        await konselor.Locator("form.note #Tingkat").SelectOptionAsync("konseling");
        await konselor.Locator("form.note #Isi").FillAsync("Klien ragu antara melanjutkan S2 dan bekerja; disepakati menyusun peta karier.");
        await konselor.Locator("form.note button").ClickAsync();
        await Assertions.Expect(konselor.Locator(".entries")).ToContainTextAsync("peta karier");
        await ShotAsync(konselor, "catatan-sesi");
        var beritaAcara = await LetterAsync(konselor, c, "berita-acara-pelaksanaan-konseling");
        Assert.Matches(@"^001/", beritaAcara);
        await CompleteStepAsync(konselor, c, "6");
        await CompleteStepAsync(konselor, c, "7");

        // 6. Closed; TU sees the letters but not the session note.
        await tu.GotoAsync($"{_unipma.Prefix}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(tu.Locator("h1 .badge")).ToHaveTextAsync("selesai");
        await Assertions.Expect(tu.Locator("table.letters")).ToContainTextAsync(rekomendasi);
        await Assertions.Expect(tu.Locator(".entries")).Not.ToContainTextAsync("peta karier");
        await ShotAsync(tu, "kasus-selesai-dilihat-tu");

        // The closed case is in the archive: TU finds it by its letter, not by the counseling note; the counselor finds both.
        await tu.GotoAsync($"{_unipma.Prefix}/admin/arsip?Q={Uri.EscapeDataString(rekomendasi)}", Loaded);
        await Assertions.Expect(tu.Locator($"li.hit[data-subjek='{c.Id}']")).ToBeVisibleAsync();
        await tu.GotoAsync($"{_unipma.Prefix}/admin/arsip?Q=peta+karier", Loaded);
        await Assertions.Expect(tu.Locator("#jumlah")).ToHaveTextAsync("0 hasil");
        await Assertions.Expect(tu.Locator("body")).Not.ToContainTextAsync("peta karier", new() { IgnoreCase = true, Timeout = 1000 });
        await ShotAsync(tu, "arsip-dicari-tu");
        await konselor.GotoAsync($"{_unipma.Prefix}/admin/arsip?Q=peta+karier", Loaded);
        await Assertions.Expect(konselor.Locator($"li.hit[data-subjek='{c.Id}'] .snippet mark").First).ToBeVisibleAsync();
        await ShotAsync(konselor, "arsip-dicari-konselor");
    }

    private Task<IPage> AsAsync(string role) => _walk.AsAsync(role);
    private Task CompleteStepAsync(IPage page, CaseRow c, string step) => _walk.CompleteStepAsync(page, c.Id, step);
    private Task<string> LetterAsync(IPage page, CaseRow c, string template) => _walk.LetterAsync(page, c.Id, template);
    private Task ShotAsync(IPage page, string name) => _walk.ShotAsync(page, name);
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
}

using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// IPDN's Administrasi Pelaksanaan Terapi (IPDN-BK-TERAPI) by its six actors: the counselor reports a praja,
/// the Kasubbag and Kepala Unit send a numbered Nota Dinas, the psychiatrist examines, then the dispositions
/// go Kepala Unit → Kepala Biro III → Rektor and the reports come back; the Lembar Disposisi is filled
/// from the chain and the Kasubbag archives. A screenshot per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TherapyDispositionWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _ipdn = null!;
    private SopHarness _in = null!;
    private CaseWalk _walk = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _ipdn = await platform.CreateTenantAsync("ipdn", "terapi");
        _walk = new CaseWalk(_browser, platform, _ipdn, "terapi-ipdn");
        _in = _walk.In;
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    private async Task DispositionAsync(string role, Guid caseId, string to, string text, string? passOn = null)
    {
        var page = await AsAsync(role);
        await page.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{caseId}" + (passOn is null ? "" : $"?teruskan={passOn}") + "#disposisi", Loaded);
        await page.Locator("form.give #Sebagai").SelectOptionAsync(role);
        await page.Locator("form.give #KepadaPeran").SelectOptionAsync(to);
        await page.Locator("form.give #Instruksi").FillAsync(text);
        await page.Locator("form.give button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync(to);
        await ShotAsync(page, $"disposisi-{role}");
    }

    private async Task ReportAsync(string role, Guid caseId, string text)
    {
        var page = await AsAsync(role);
        await page.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{caseId}#disposisi", Loaded);
        var item = page.Locator($"li.disposition[data-kepada='{role}'].status-menunggu");
        await item.Locator("textarea").FillAsync(text);
        await item.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator($"li.disposition[data-kepada='{role}'] .laporan")).ToContainTextAsync(text);
        await ShotAsync(page, $"laporan-disposisi-{role}");
    }

    [Fact]
    public async Task A_praja_is_referred_for_therapy_through_the_disposition_chain_to_the_rektor_and_archived()
    {
        var konselor = await AsAsync("Konselor/Psikolog");
        await konselor.GotoAsync($"{_ipdn.Prefix}/admin/kasus/baru", Loaded);
        await konselor.Locator("#Nama").FillAsync("Praja Bagus Pratama");
        await konselor.Locator("#Nim").FillAsync("31.0456");
        await konselor.Locator("#JenisKlien").SelectOptionAsync("Praja");
        await konselor.Locator("input[name='Cara'][value='Datang langsung']").CheckAsync();
        await konselor.Locator("#Sop").SelectOptionAsync("IPDN-BK-TERAPI");
        await konselor.Locator("#Uraian").FillAsync("Praja mengalami serangan panik berulang sejak latihan lapangan.");
        await konselor.Locator("form.new-case button[type=submit]").ClickAsync();
        await Assertions.Expect(konselor.Locator(".alert.success")).ToContainTextAsync("dibuka");
        await ShotAsync(konselor, "kasus-dibuka");
        var c = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "31.0456"));

        await StepAsync("Konselor/Psikolog", c.Id, "1");
        await StepAsync("Kasubbag/Arsiparis", c.Id, "2");
        var notaDinas = await LetterAsync("Kepala Unit", c.Id, "nota-dinas");
        Assert.Matches(@"^001/", notaDinas);
        var kepala = await AsAsync("Kepala Unit");
        await kepala.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(kepala.Locator("li[data-kelengkapan='Nota Dinas']")).ToHaveClassAsync("done");
        await Assertions.Expect(kepala.Locator("li[data-kelengkapan='Komputer']")).ToHaveClassAsync("missing");
        await ShotAsync(kepala, "kelengkapan-nota-dinas");
        await StepAsync("Kepala Unit", c.Id, "3");
        await StepAsync("Kasubbag/Arsiparis", c.Id, "4");
        await StepAsync("Psikiater", c.Id, "5");
        // Step 6 needs the psychiatrist's examination letter: the Kasubbag uploads it to the case.
        var kasubbag = await AsAsync("Kasubbag/Arsiparis");
        await kasubbag.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{c.Id}", Loaded);
        await kasubbag.Locator("li[data-kelengkapan='Surat Hasil Pemeriksaan'] a").ClickAsync();
        await Assertions.Expect(kasubbag.Locator("form.upload #NamaDokumen")).ToHaveValueAsync("Surat Hasil Pemeriksaan");
        await kasubbag.Locator("form.upload #berkas").SetInputFilesAsync(new FilePayload { Name = "hasil-pemeriksaan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% hasil pemeriksaan\n"u8.ToArray() });
        await kasubbag.Locator("form.upload button").ClickAsync();
        await Assertions.Expect(kasubbag.Locator("li[data-kelengkapan='Surat Hasil Pemeriksaan']")).ToHaveClassAsync("done");
        await ShotAsync(kasubbag, "dokumen-hasil-pemeriksaan");
        await StepAsync("Kasubbag/Arsiparis", c.Id, "6");

        // The chain of dispositions, each leader deciding on its SOP step.
        await DispositionAsync("Kepala Unit", c.Id, "Kepala Biro III", "Mohon persetujuan terapi lanjutan di RS Polri.");
        await StepAsync("Kepala Unit", c.Id, "7", "Diteruskan kepada Kepala Biro III");
        var biro = await AsAsync("Kepala Biro III");
        await biro.GotoAsync($"{_ipdn.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(biro.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await ShotAsync(biro, "kotak-masuk-kepala-biro");
        await biro.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{c.Id}", Loaded);
        var first = (await biro.Locator("li.disposition[data-kepada='Kepala Biro III']").GetAttributeAsync("data-disposisi"))!;
        await DispositionAsync("Kepala Biro III", c.Id, "Rektor", "Diteruskan untuk persetujuan Rektor.", passOn: first);
        await StepAsync("Kepala Biro III", c.Id, "8", "Diteruskan kepada Rektor");
        await StepAsync("Rektor", c.Id, "9", "Disetujui");
        await ReportAsync("Rektor", c.Id, "Disetujui. Laksanakan terapi dan laporkan perkembangannya.");
        await ReportAsync("Kepala Biro III", c.Id, "Rektor menyetujui; diteruskan kembali ke Kepala Unit.");

        // Back down: the Kepala Unit carries it out with the Lembar Disposisi; the Kasubbag archives.
        var lembar = await LetterAsync("Kepala Unit", c.Id, "lembar-disposisi");
        Assert.Matches(@"^001/DISP/", lembar);
        await StepAsync("Kepala Unit", c.Id, "10");
        await StepAsync("Kasubbag/Arsiparis", c.Id, "11");

        kasubbag = await AsAsync("Kasubbag/Arsiparis");
        await kasubbag.GotoAsync($"{_ipdn.Prefix}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(kasubbag.Locator("h1 .badge")).ToHaveTextAsync("selesai");
        await Assertions.Expect(kasubbag.Locator("li.disposition.status-dilaporkan")).ToHaveCountAsync(2);
        await Assertions.Expect(kasubbag.Locator("table.letters")).ToContainTextAsync(lembar);
        await Assertions.Expect(kasubbag.Locator("body")).Not.ToContainTextAsync("serangan panik");
        await ShotAsync(kasubbag, "diarsipkan");
    }

    private Task<IPage> AsAsync(string role) => _walk.AsAsync(role);
    private async Task StepAsync(string role, Guid caseId, string step, string? pilihan = null) => await _walk.CompleteStepAsync(await AsAsync(role), caseId, step, pilihan);
    private async Task<string> LetterAsync(string role, Guid caseId, string template) => await _walk.LetterAsync(await AsAsync(role), caseId, template);
    private Task ShotAsync(IPage page, string name) => _walk.ShotAsync(page, name);
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
}

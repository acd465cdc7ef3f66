using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// IPDN's Administrasi Pelaksanaan Terapi (IPDN-BK-TERAPI, seed 003 SOP 4) walked by its actors on the case page's
/// "Langkah SOP" cards: the counselor reports a praja (1), the Kasubbag passes it on (2), the Kepala Unit makes the
/// numbered Nota Dinas and names the accompanying staff member (3), that staff member accompanies (4), the psychiatrist
/// uploads the examination letter (5), the Kasubbag writes the report (6); the dispositions go Kepala Unit → Kepala
/// Biro III → Rektor from the form each step offers (7–9); the Kepala Unit reports on the Rektor's disposition (10);
/// the Kasubbag makes the Lembar Disposisi from the chain and the case is archived (11). A screenshot per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TherapyDispositionWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private const string Kasubbag = "Kasubbag/Arsiparis";
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

    [Fact]
    public async Task A_praja_is_referred_for_therapy_through_the_disposition_chain_to_the_rektor_and_archived()
    {
        // 1. The counselor opens the case on the therapy SOP and reports it.
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
        var path = $"{_ipdn.Prefix}/admin/kasus/{c.Id}";
        // Not the Kasubbag's step yet: the card says whose it is and offers nothing.
        var kasubbag = await OpenAsync(Kasubbag, path);
        await Assertions.Expect(Card(kasubbag, "1").Locator("form.step-complete")).ToHaveCountAsync(0);
        await Assertions.Expect(Card(kasubbag, "1").Locator(".who")).ToContainTextAsync("Konselor");
        await CompleteAsync(konselor, path, "1");

        // 2. The Kasubbag receives the counselor's report and passes it to the Kepala Unit.
        await CompleteAsync(await OpenAsync(Kasubbag, path), path, "2");

        // 3. The Kepala Unit makes the numbered Nota Dinas and names the staff member who accompanies the praja, from the card.
        var kepala = await OpenAsync("Kepala Unit", path);
        var three = Card(kepala, "3");
        await Assertions.Expect(three.Locator("li[data-aksi='surat']")).ToHaveClassAsync("missing");
        await Assertions.Expect(three.Locator("li[data-aksi='tunjuk']")).ToHaveClassAsync("missing");
        var notaDinas = await StepLetterAsync(kepala, path, "3", "nota-dinas");
        Assert.Matches(@"^001/ND/", notaDinas);
        three = Card(kepala, "3");
        await Assertions.Expect(three.Locator("li[data-aksi='surat']")).ToHaveClassAsync("done");
        await Assertions.Expect(three.Locator("li[data-aksi='surat']")).ToContainTextAsync("✓");
        await Assertions.Expect(three.Locator("li[data-aksi='surat'] .bukti")).ToContainTextAsync(notaDinas);
        var staf = await _in.ActorAsync("Staf");
        await three.Locator("form.step-name select").SelectOptionAsync(new SelectOptionValue { Label = staf.Nama });
        await three.Locator("form.step-name button").ClickAsync();
        await Assertions.Expect(kepala.Locator(".alert.success")).ToContainTextAsync($"{staf.Nama} ditunjuk sebagai pendamping");
        three = Card(kepala, "3");
        await Assertions.Expect(three.Locator("li[data-aksi='tunjuk']")).ToHaveClassAsync("done");
        await Assertions.Expect(three.Locator("li[data-aksi='tunjuk'] .bukti")).ToContainTextAsync(staf.Nama);
        // The Komputer item is not work a module records: the Kepala Unit confirms it and completes the step.
        await Assertions.Expect(three.Locator("li[data-kelengkapan='Komputer']")).ToHaveClassAsync("missing");
        await ShotAsync(kepala, "langkah-3-surat-dan-pendamping");
        await CompleteAsync(kepala, path, "3");

        // 4. Only the named staff member accompanies; the Nota Dinas kelengkapan is the letter step 3 made.
        kasubbag = await OpenAsync(Kasubbag, path);
        await Assertions.Expect(Card(kasubbag, "4").Locator("form.step-complete")).ToHaveCountAsync(0);
        var pendamping = await OpenAsync("Staf", path);
        var four = Card(pendamping, "4");
        await Assertions.Expect(four.Locator("li[data-kelengkapan='Nota Dinas']")).ToHaveClassAsync("done");
        await Assertions.Expect(four.Locator("li[data-kelengkapan='Nota Dinas']")).ToContainTextAsync(notaDinas);
        await CompleteAsync(pendamping, path, "4");

        // 5. The psychiatrist uploads the Surat Hasil Pemeriksaan from the card.
        var psikiater = await OpenAsync("Psikiater", path);
        var five = Card(psikiater, "5");
        await five.Locator("form.step-upload input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "hasil-pemeriksaan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% hasil pemeriksaan\n"u8.ToArray(),
        });
        await ShotAsync(psikiater, "langkah-5-unggah");
        await five.Locator("form.step-upload button[type=submit]").ClickAsync();
        await Assertions.Expect(psikiater.Locator(".alert.success")).ToContainTextAsync("Surat Hasil Pemeriksaan");
        five = Card(psikiater, "5");
        await Assertions.Expect(five.Locator("li[data-aksi='unggah']")).ToHaveClassAsync("done");
        await Assertions.Expect(five.Locator("li[data-aksi='unggah']")).ToContainTextAsync("✓");
        await CompleteAsync(psikiater, path, "5");

        // 6. The Kasubbag receives the examination (met by step 5's upload) and makes the written report; that completes the step.
        kasubbag = await OpenAsync(Kasubbag, path);
        await Assertions.Expect(Card(kasubbag, "6").Locator("li[data-kelengkapan='Surat Hasil Pemeriksaan']")).ToHaveClassAsync("done");
        var laporan = await StepLetterAsync(kasubbag, path, "6", "laporan-hasil-terapi");
        Assert.Matches(@"^001/LAP/", laporan);
        await Assertions.Expect(kasubbag.Locator(".alert.success")).ToContainTextAsync("Langkah 6 selesai");
        await Assertions.Expect(Card(kasubbag, "7")).ToBeVisibleAsync();

        // 7–9. The disposition chain. Nobody else is offered a leader's disposition: the page says whose step it is.
        foreach (var role in new[] { "Staf", "Psikiater" }) await NotOfferedAsync(role, path, "langkah 7 oleh Kepala Unit kepada Kepala Biro III");
        await DispositionAsync("Kepala Unit", path, "7", "Kepala Unit → Kepala Biro III", "Mohon persetujuan terapi lanjutan di RS Polri.", DateTime.UtcNow.AddDays(2));

        var biro = await AsAsync("Kepala Biro III");
        await biro.GotoAsync($"{_ipdn.Prefix}/admin/kasus", Loaded);
        await Assertions.Expect(biro.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await ShotAsync(biro, "kotak-masuk-kepala-biro");
        await DispositionAsync("Kepala Biro III", path, "8", "Kepala Biro III → Rektor", "Diteruskan untuk persetujuan Rektor.");

        foreach (var role in new[] { "Staf", "Psikiater", "Kepala Unit" }) await NotOfferedAsync(role, path, "langkah 9 oleh Rektor kepada Kepala Unit");
        await DispositionAsync("Rektor", path, "9", "Rektor → Kepala Unit", "Disetujui. Laksanakan terapi dan laporkan perkembangannya.");

        // 10. The Kepala Unit carries out the Rektor's disposition and reports on it; the Staf may not.
        var stafPage = await OpenAsync("Staf", path + "/disposisi");
        await Assertions.Expect(stafPage.Locator("li.disposition[data-dari='Rektor']")).ToBeVisibleAsync();
        await Assertions.Expect(stafPage.Locator("form.report")).ToHaveCountAsync(0);
        kepala = await OpenAsync("Kepala Unit", path);
        await Assertions.Expect(Card(kepala, "10").Locator("li[data-aksi='laporDisposisi']")).ToHaveClassAsync("missing");
        // The step's card leads to the Disposisi tab, where the report is written.
        await Card(kepala, "10").Locator("li[data-aksi='laporDisposisi'] a").ClickAsync();
        var fromRektor = kepala.Locator("li.disposition[data-dari='Rektor'][data-kepada='Kepala Unit']");
        await fromRektor.Locator("textarea").FillAsync("Terapi dijadwalkan di RS Polri setiap Kamis; perkembangan dilaporkan bulanan.");
        await ShotAsync(kepala, "langkah-10-laporan-disposisi");
        await fromRektor.Locator("form.report button").ClickAsync();
        await Assertions.Expect(kepala.Locator(".alert.success")).ToContainTextAsync("Langkah SOP 10 selesai");
        await Assertions.Expect(kepala.Locator("li.disposition[data-dari='Rektor'] .laporan")).ToContainTextAsync("setiap Kamis");
        await kepala.GotoAsync(path, Loaded);
        await Assertions.Expect(Card(kepala, "11")).ToBeVisibleAsync();

        // 11. The Kasubbag makes the Lembar Disposisi, filled from the chain; that archives the case.
        kasubbag = await OpenAsync(Kasubbag, path);
        var eleven = Card(kasubbag, "11");
        await Assertions.Expect(eleven.Locator("input[name='Nilai[disposisi_rektor]']")).ToHaveValueAsync("Disetujui. Laksanakan terapi dan laporkan perkembangannya.");
        await Assertions.Expect(eleven.Locator("input[name='Nilai[disposisi_kepala_biro]']")).ToHaveValueAsync("Diteruskan untuk persetujuan Rektor.");
        var lembar = await StepLetterAsync(kasubbag, path, "11", "lembar-disposisi");
        Assert.Matches(@"^001/DISP/", lembar);
        await Assertions.Expect(kasubbag.Locator(".alert.success")).ToContainTextAsync("Langkah 11 selesai");

        // Closed and archived: the Kasubbag sees the letters and the chain but not the counseling content, on no tab.
        await kasubbag.GotoAsync(path + "/disposisi", Loaded);
        await Assertions.Expect(kasubbag.Locator("li.disposition.status-diteruskan")).ToHaveCountAsync(2);
        await Assertions.Expect(kasubbag.Locator("li.disposition.status-dilaporkan")).ToHaveCountAsync(1);
        await Assertions.Expect(kasubbag.Locator("body")).Not.ToContainTextAsync("serangan panik");
        await kasubbag.GotoAsync(path + "/surat", Loaded);
        foreach (var nomor in new[] { notaDinas, laporan, lembar }) await Assertions.Expect(kasubbag.Locator("table.letters")).ToContainTextAsync(nomor);
        await Assertions.Expect(kasubbag.Locator("body")).Not.ToContainTextAsync("serangan panik");
        await kasubbag.GotoAsync(path + "/catatan", Loaded);
        await Assertions.Expect(kasubbag.Locator(".entries .sealed").First).ToBeVisibleAsync();
        await Assertions.Expect(kasubbag.Locator("body")).Not.ToContainTextAsync("serangan panik");
        await kasubbag.GotoAsync(path, Loaded);
        await Assertions.Expect(kasubbag.Locator("h1 .badge")).ToHaveTextAsync("selesai");
        await Assertions.Expect(kasubbag.Locator("article.step-card")).ToHaveCountAsync(0);
        await Assertions.Expect(kasubbag.Locator("body")).Not.ToContainTextAsync("serangan panik");
        await ShotAsync(kasubbag, "diarsipkan");
        // The archivist finds the case in the archive by its Lembar Disposisi, never by what the praja told the counselor.
        await kasubbag.GotoAsync($"{_ipdn.Prefix}/admin/arsip?Q={Uri.EscapeDataString(lembar)}", Loaded);
        await Assertions.Expect(kasubbag.Locator($"li.hit[data-subjek='{c.Id}']")).ToBeVisibleAsync();
        await ShotAsync(kasubbag, "arsip-lembar-disposisi");
        await kasubbag.GotoAsync($"{_ipdn.Prefix}/admin/arsip?Q=serangan+panik", Loaded);
        await Assertions.Expect(kasubbag.Locator("#jumlah")).ToHaveTextAsync("0 hasil");

        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        Assert.Equal(InstanceStatus.Selesai, instance.Status);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
            instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).Select(e => e.StepId!));
        Assert.Equal(staf.Id, instance.Riwayat.Single(e => e.Jenis == StepEventKind.Diselesaikan && e.StepId == "4").OlehId);
        var closed = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Selesai, closed.Status);
        Assert.NotNull(closed.DitutupPada);
    }

    /// <summary>Signs in as the role (once) and opens the case page.</summary>
    private async Task<IPage> OpenAsync(string role, string path)
    {
        var page = await AsAsync(role);
        await page.GotoAsync(path, Loaded);
        return page;
    }

    private static ILocator Card(IPage page, string step) => page.Locator($"article.step-card[data-langkah='{step}']");

    /// <summary>Ticks the card's open kelengkapan and completes the step from the case page; the card is gone after.</summary>
    private async Task CompleteAsync(IPage page, string path, string step)
    {
        await page.GotoAsync(path, Loaded);
        var form = Card(page, step).Locator("form.step-complete");
        foreach (var box in await form.Locator("input[name='Dikonfirmasi']").AllAsync()) await box.CheckAsync();
        await form.Locator("input[name='CatatanLangkah']").FillAsync($"Langkah {step} selesai.");
        await ShotAsync(page, $"langkah-{step}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Selesaikan langkah" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync($"Langkah {step} selesai.");
        await Assertions.Expect(Card(page, step)).ToHaveCountAsync(0);
    }

    /// <summary>Makes the step's letter from its card (empty fields typed in), checks its PDF, and returns its number.</summary>
    private async Task<string> StepLetterAsync(IPage page, string path, string step, string template)
    {
        await page.GotoAsync(path, Loaded);
        var form = Card(page, step).Locator("form.step-letter");
        foreach (var input in await form.Locator("input[name^='Nilai']").AllAsync())
            if (string.IsNullOrEmpty(await input.InputValueAsync())) await input.FillAsync("Isian uji");
        await ShotAsync(page, $"langkah-{step}-{template}-isi");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("dibuat");
        var nomor = Regex.Match((await page.Locator(".alert.success").TextContentAsync())!, @"Surat (\S+) dibuat").Groups[1].Value;
        await ShotAsync(page, $"langkah-{step}-{template}-dibuat");
        // The letter is listed on the case's Surat tab (read in a second tab, so this page keeps its message).
        var letters = await page.Context.NewPageAsync();
        await letters.GotoAsync(path + "/surat", Loaded);
        var row = letters.Locator($"table.letters tbody tr[data-surat='{nomor}']");
        var pdf = await letters.APIRequest.GetAsync((await row.Locator("a.pdf").GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await letters.CloseAsync();
        return nomor;
    }

    /// <summary>The step's leader gives the disposition from the form the step offers; that completes the step.</summary>
    private async Task DispositionAsync(string role, string path, string step, string route, string text, DateTime? batas = null)
    {
        var page = await OpenAsync(role, path);
        await Assertions.Expect(Card(page, step).Locator("li[data-aksi='disposisi']")).ToHaveClassAsync("missing");
        // The step's card leads to its form on the Disposisi tab.
        await Card(page, step).Locator("li[data-aksi='disposisi'] a").ClickAsync();
        await Assertions.Expect(page.Locator("form.give")).ToHaveCountAsync(1);
        var form = page.Locator($"form.give[data-langkah='{step}']");
        await Assertions.Expect(form.Locator(".route strong")).ToHaveTextAsync(route);
        await form.Locator("textarea[name='Instruksi']").FillAsync(text);
        if (batas is { } due) await form.Locator("input[name='BatasWaktu']").FillAsync(due.ToString("yyyy-MM-dd"));
        await ShotAsync(page, $"langkah-{step}-disposisi");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync($"Disposisi dikirim kepada {route.Split(" → ")[1]}.");
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync($"Langkah SOP {step} selesai.");
        await Assertions.Expect(page.Locator("li.disposition").Last).ToContainTextAsync(text);
        await page.GotoAsync(path, Loaded);
        await Assertions.Expect(Card(page, step)).ToHaveCountAsync(0);
    }

    /// <summary>The role sees no disposition form on the case, only whose step gives it.</summary>
    private async Task NotOfferedAsync(string role, string path, string whose)
    {
        var page = await OpenAsync(role, path + "/disposisi");
        await Assertions.Expect(page.Locator("#disposisi-sesuai-sop")).ToContainTextAsync(whose);
        await Assertions.Expect(page.Locator("form.give")).ToHaveCountAsync(0);
        await page.Locator("#disposisi").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, $"tanpa-disposisi-{role}");
    }

    private Task<IPage> AsAsync(string role) => _walk.AsAsync(role);
    private Task ShotAsync(IPage page, string name) => _walk.ShotAsync(page, name);
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
}

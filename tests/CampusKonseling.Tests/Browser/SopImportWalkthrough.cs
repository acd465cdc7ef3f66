using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop.Dokumen;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// IPDN's campus admin brings the unit's SOP document (a DOCX) to /admin/sop/impor, reads the Terapi draft row by row,
/// sees it taken as the next revision of the Terapi SOP the campus runs (lanes bound as they are), binds a step's output to
/// a letter template, and publishes it as that SOP's next version. A new SOP under a code in use and a lane left unbound
/// are refused with Indonesian messages on the same page. A case is then opened on the published SOP from the staff UI. The published version's PDF is downloaded and drawn to PNG pages to look at
/// (screenshots/sop-impor-ipdn-pdf-N.png).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SopImportWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _ipdn = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _ipdn = await platform.CreateTenantAsync("ipdn", "impor");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_admin_imports_the_Terapi_SOP_from_a_DOCX_binds_it_and_publishes_a_new_version()
    {
        var seed = SeedSop.All.Single(s => s.Name == "ipdn-terapi");
        var docx = SeedDocx.FromText(SeedImportTests.SeedText(seed.Seed)).ToArray();
        var draft = SopDocumentReader.Read(new MemoryStream(docx), "sop-ipdn.docx")[seed.Draft].Definisi;
        var roles = RecipeRoles(seed);

        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_ipdn.Prefix}/akun/masuk", Loaded);
        await page.GetByLabel("E-mail").FillAsync(_ipdn.AdminEmail);
        await page.GetByLabel("Kata sandi").FillAsync(_ipdn.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_ipdn.Prefix}/admin$"));

        // The SOP list offers the import; the DOCX is read into a draft per SOP.
        await page.GotoAsync($"{_ipdn.Prefix}/admin/sop", Loaded);
        await page.GetByRole(AriaRole.Link, new() { Name = "Impor dokumen SOP" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Impor dokumen SOP");
        var section = await ReadAsync(page, docx, draft);
        await Assertions.Expect(section.Locator("table.draf-langkah tr[data-langkah]")).ToHaveCountAsync(draft.Langkah.Count);
        await Assertions.Expect(section.Locator("tr[data-lajur]")).ToHaveCountAsync(draft.Pelaksana.Count);
        await page.ScreenshotAsync(new() { Path = Shot("draf"), FullPage = true });
        await section.ScreenshotAsync(new() { Path = Shot("draf-terapi") });

        // The document has no Nomor SOP, but its name is the Terapi SOP the campus runs (but for the document's typo "Praj"):
        // it is read as that SOP's next revision, its lanes already bound as they are now.
        await Assertions.Expect(section.Locator($"p.revisi-dari[data-tujuan='{seed.Kode}']")).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByLabel("SOP", new() { Exact = true })).ToHaveValueAsync(seed.Kode);
        foreach (var lane in draft.Pelaksana.Where(p => roles.Lanes.ContainsKey(Norm(p.Nama))))
            await Assertions.Expect(section.Locator($"tr[data-lajur='{lane.Id}'] select")).ToHaveValueAsync(roles.Lanes[Norm(lane.Nama)]);

        // Published as a new SOP under the code in force, with a lane left unbound: both said in Indonesian, the same page, nothing saved.
        var unbound = draft.Pelaksana[^1];
        await BindAsync(section, draft, roles, skip: unbound.Id);
        await section.GetByLabel("SOP", new() { Exact = true }).SelectOptionAsync("");
        await section.GetByLabel("Nomor SOP (kode) untuk SOP baru").FillAsync(seed.Kode);
        await section.GetByRole(AriaRole.Button, new() { Name = "Terbitkan sebagai versi baru" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Impor dokumen SOP");
        section = page.Locator($"section.sop-draf[data-draf='{draft.Kode}']");
        await Assertions.Expect(section.Locator("ul.temuan-sop")).ToContainTextAsync($"lajur '{unbound.Nama}' belum diikat ke peran, klien, atau orang yang ditugaskan");
        await Assertions.Expect(section.Locator("ul.temuan-sop")).ToContainTextAsync($"Kode '{seed.Kode}' sudah dipakai SOP");
        await Assertions.Expect(section.GetByLabel("Nomor SOP (kode) untuk SOP baru")).ToHaveValueAsync(seed.Kode);
        await page.ScreenshotAsync(new() { Path = Shot("lajur-belum-diikat"), FullPage = true });

        // As the next version of the SOP in force, every lane bound, step 3's output (its Nota Dinas) made by the letter template.
        await section.GetByLabel("SOP", new() { Exact = true }).SelectOptionAsync(seed.Kode);
        await BindAsync(section, draft, roles, skip: null);
        var nota = section.Locator("tr[data-luaran='3']");
        await Assertions.Expect(nota).ToContainTextAsync("Membuat laporan kepada pimpinan");
        await nota.Locator("select").SelectOptionAsync("surat:nota-dinas");
        const string reason = "Disesuaikan dengan dokumen SOP unit 2024";
        await section.GetByLabel("Alasan perubahan").FillAsync(reason);
        await page.EvaluateAsync("document.body.dataset.sebelum = '1'"); // gone once the answer to the post is the page
        await section.GetByRole(AriaRole.Button, new() { Name = "Terbitkan sebagai versi baru" }).ClickAsync();
        await page.Locator("body:not([data-sebelum])").WaitForAsync();
        if (page.Url.Contains("/admin/sop/impor", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException("not published: " + string.Join(" | ", await page.Locator(".temuan.tingkat-galat, p.alert.error").AllInnerTextsAsync()));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_ipdn.Prefix}/admin/sop/[0-9a-f-]+$"));
        await Assertions.Expect(page.Locator("p.alert.success")).ToContainTextAsync(new Regex(@"Versi \d+ disimpan\."));
        var versi = Regex.Match((await page.Locator("p.alert.success").TextContentAsync())!, @"Versi (\d+)").Groups[1].Value;
        var row = page.Locator($"tr[data-versi='{versi}']");
        await Assertions.Expect(row).ToContainTextAsync(reason);
        await Assertions.Expect(row).ToContainTextAsync("aktif");
        Assert.True(int.Parse(versi) >= 2, $"the revision of {seed.Kode} is version {versi}");
        await page.ScreenshotAsync(new() { Path = Shot("terbit"), FullPage = true });

        // The published version downloads as the unit's SOP AP document: its PDF, drawn to pages to look at.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-unduh='pdf']").ClickAsync());
        Assert.Equal($"{seed.Kode}-v{versi}.pdf", download.SuggestedFilename);
        var pdf = Shot("pdf").Replace(".png", ".pdf");
        await download.SaveAsAsync(pdf);
        var (pages, text) = PdfText.Read(await File.ReadAllBytesAsync(pdf));
        Assert.Contains(Regex.Replace(draft.Judul, @"\s+", " "), Regex.Replace(text, @"\s+", " "));
        Assert.Contains($"Revisi ke-{versi}", text);
        Assert.Contains($"Halaman {pages} dari {pages}", text);
        Assert.True(PdfPages.Render(pdf, "sop-impor-ipdn-pdf") == pages);

        await page.GotoAsync($"{_ipdn.Prefix}/admin/sop", Loaded);
        var listed = page.Locator($"table.sop-list tr[data-sop='{seed.Kode}']");
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed.Locator("td[data-label='Versi']")).ToHaveTextAsync(versi);

        // A walk-in case on the published SOP.
        await page.GotoAsync($"{_ipdn.Prefix}/admin/kasus/baru", Loaded);
        await page.GetByLabel("Nama klien").FillAsync("Praja Bima Sakti");
        await page.GetByLabel("Jenis klien").SelectOptionAsync("Praja");
        await page.GetByLabel("Datang langsung").CheckAsync();
        await page.GetByLabel("SOP yang dijalankan").SelectOptionAsync(seed.Kode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka kasus" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_ipdn.Prefix}/admin/kasus/[^/]+$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Praja Bima Sakti");
        await page.ScreenshotAsync(new() { Path = Shot("kasus"), FullPage = true });
    }

    private static async Task<ILocator> ReadAsync(IPage page, byte[] docx, SopDefinition draft)
    {
        await page.Locator("#berkas").SetInputFilesAsync(new FilePayload
        {
            Name = "SOP Bimbingan Konseling IPDN.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Baca dokumen" }).ClickAsync();
        var section = page.Locator($"section.sop-draf[data-draf='{draft.Kode}']");
        await Assertions.Expect(section).ToHaveCountAsync(1);
        return section;
    }

    /// <summary>
    /// Each lane of the draft to the role of the recipe's lane of that name (one lane left empty when asked), and each step
    /// whose lane the document did not mark to the recipe's lane for it (the recipe's added "Staf pendamping" was split
    /// from the document's Kasubbag/Staf).
    /// </summary>
    private static async Task BindAsync(ILocator section, SopDefinition draft, Recipe recipe, string? skip)
    {
        var roles = recipe.Lanes;
        foreach (var row in await section.Locator("tr[data-langkah-lajur]").AllAsync())
        {
            var step = (await row.GetAttributeAsync("data-langkah-lajur"))!;
            var name = Norm(recipe.StepLane[step]);
            var lane = draft.Pelaksana.FirstOrDefault(p => Norm(p.Nama) == name) ?? draft.Pelaksana.Single(p => Norm(p.Nama) == Norm("Kasubbag/Staf"));
            await row.Locator("select").SelectOptionAsync(lane.Id);
        }
        foreach (var lane in draft.Pelaksana)
        {
            var row = section.Locator($"tr[data-lajur='{lane.Id}']");
            var role = lane.Id == skip ? "" : roles.GetValueOrDefault(Norm(lane.Nama)) ?? throw new Xunit.Sdk.XunitException($"no recipe lane named '{lane.Nama}'");
            await row.Locator("select").SelectOptionAsync(role);
            if (lane.Id != skip) continue;
            await row.Locator("input[type=checkbox]").SetCheckedAsync(false);
            await row.Locator("input[type=text]").FillAsync("");
        }
    }

    /// <summary>The shipped recipe's lanes of this SOP (name → role) and the lane name of each step.</summary>
    private sealed record Recipe(Dictionary<string, string> Lanes, Dictionary<string, string> StepLane);

    private static Recipe RecipeRoles(SeedSop seed)
    {
        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, $"{seed.Recipe}.recipe.json")));
        var sop = recipe.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "sop")
            .SelectMany(s => s.GetProperty("sops").EnumerateArray()).Single(s => s.GetProperty("kode").GetString() == seed.Kode);
        var definition = DefinitionJson.Deserialize(sop.GetRawText());
        return new(definition.Pelaksana.Where(p => p.Peran is not null).ToDictionary(p => Norm(p.Nama), p => p.Peran!),
            definition.Langkah.ToDictionary(l => l.Id, l => definition.Lane(l.Pelaksana[0])!.Nama));
    }

    private static string Norm(string? text) => Regex.Replace(text ?? "", @"\s+", "").ToLowerInvariant();

    private static string Shot(string step) => Path.Combine(RepoPaths.Screenshots, $"sop-impor-ipdn-{step}.png");

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

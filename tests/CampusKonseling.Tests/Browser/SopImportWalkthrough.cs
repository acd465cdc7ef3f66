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
/// binds its lanes to the roles the shipped recipe uses and an output to a letter template, and publishes it as a new
/// version; a lane left unbound is refused with an Indonesian message on the same page. A case is then opened on the
/// published SOP from the staff UI.
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

        // A lane left unbound: the Indonesian message, the same page, nothing saved.
        var unbound = draft.Pelaksana[^1];
        await BindAsync(section, draft, roles, skip: unbound.Id);
        await section.GetByRole(AriaRole.Button, new() { Name = "Terbitkan sebagai versi baru" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Impor dokumen SOP");
        section = page.Locator($"section.sop-draf[data-draf='{draft.Kode}']");
        await Assertions.Expect(section.Locator("ul.temuan-sop")).ToContainTextAsync($"lajur '{unbound.Nama}' belum diikat ke peran, klien, atau orang yang ditugaskan");
        await page.ScreenshotAsync(new() { Path = Shot("lajur-belum-diikat"), FullPage = true });

        // Every lane bound to the recipe's roles, the Nota Dinas made by its letter template: a new version.
        await BindAsync(section, draft, roles, skip: null);
        var nota = section.Locator("tr[data-luaran]", new() { HasText = "Nota Dinas" }).First;
        var output = await nota.CountAsync() > 0 ? nota : section.Locator("tr[data-luaran]").First;
        await output.Locator("select").SelectOptionAsync("surat:nota-dinas");
        const string reason = "Disesuaikan dengan dokumen SOP unit 2024";
        await section.GetByLabel("Alasan perubahan").FillAsync(reason);
        await section.GetByRole(AriaRole.Button, new() { Name = "Terbitkan sebagai versi baru" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_ipdn.Prefix}/admin/sop/[0-9a-f-]+$"));
        await Assertions.Expect(page.Locator("p.alert.success")).ToContainTextAsync(new Regex(@"Versi \d+ disimpan\."));
        var versi = Regex.Match((await page.Locator("p.alert.success").TextContentAsync())!, @"Versi (\d+)").Groups[1].Value;
        var row = page.Locator($"tr[data-versi='{versi}']");
        await Assertions.Expect(row).ToContainTextAsync(reason);
        await Assertions.Expect(row).ToContainTextAsync("aktif");
        await page.ScreenshotAsync(new() { Path = Shot("terbit"), FullPage = true });

        await page.GotoAsync($"{_ipdn.Prefix}/admin/sop", Loaded);
        var listed = page.Locator($"table.sop-list tr[data-sop='{draft.Kode}']");
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed.Locator("td[data-label='Versi']")).ToHaveTextAsync(versi);

        // A walk-in case on the published SOP.
        await page.GotoAsync($"{_ipdn.Prefix}/admin/kasus/baru", Loaded);
        await page.GetByLabel("Nama klien").FillAsync("Praja Bima Sakti");
        await page.GetByLabel("Jenis klien").SelectOptionAsync("Praja");
        await page.GetByLabel("Datang langsung").CheckAsync();
        await page.GetByLabel("SOP yang dijalankan").SelectOptionAsync(draft.Kode);
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

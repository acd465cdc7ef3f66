using System.Text.RegularExpressions;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// Each seed form, filled on the campus site on a phone as its requester would: the tracking
/// code appears, the acknowledgment arrives at the SMTP server, and staff of the SOP's first
/// step see the new request in their list.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SeedFormWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly Dictionary<string, TestTenant> Campuses = [];
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    public static TheoryData<string, string> SeedForms() => new()
    {
        { "unipma", "permohonan-konseling-karier" },
        { "unipma", "pendaftaran-workshop-minat-bakat" },
        { "unpam", "e-konseling" },
        { "ipdn", "pendaftaran-konseling" },
        { "ipdn", "biodata-konseling-online" },
        { "konseling-asesmen", "permohonan-layanan" },
        { "iuqi", "pendaftaran-kegiatan" },
    };

    [Theory]
    [MemberData(nameof(SeedForms))]
    public async Task A_requester_sends_a_seed_form_and_staff_see_it(string recipe, string kode)
    {
        if (!Campuses.TryGetValue(recipe, out var campus)) Campuses[recipe] = campus = await platform.CreateTenantAsync(recipe, "isi");
        var sop = new SopHarness(platform, campus);
        var form = (await sop.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().CurrentAsync(kode)))!.Form;
        var email = $"pemohon.{Guid.NewGuid():N}@mahasiswa.test";

        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{campus.Prefix}/formulir/{kode}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(form.Judul);

        foreach (var field in form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis)))
        {
            var box = page.Locator($"[data-isian='{field.Id}']");
            if (!await box.IsVisibleAsync()) continue;
            await FillAsync(box, field, email);
        }
        await page.ScreenshotAsync(new() { Path = Shot(recipe, kode, "terisi"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();

        var code = (await page.Locator("#kode-pelacakan").TextContentAsync())!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        await page.ScreenshotAsync(new() { Path = Shot(recipe, kode, "terkirim"), FullPage = true });
        var mail = await MailDev.WaitForAsync(email);
        Assert.Contains(code, mail.Text);

        if (form.Sop is null) return;
        var definitionId = await sop.DefinitionIdAsync(form.Sop);
        var definition = (await sop.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Sop.Runtime.SopCatalog>().FindAsync(definitionId, null))!.Value.Sop));
        // The staff of the SOP's first staff lane (a client lane's role is every client's, and sees no instance lists).
        var firstRole = definition.Pelaksana.First(l => !l.Klien && l.Peran is not (null or "Mahasiswa" or "Praja" or "Calon Alumni/Alumni")).Peran!;

        await using var staffContext = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress.ToString(), Locale = "id-ID" });
        staffContext.SetDefaultTimeout(60_000);
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync($"{campus.Prefix}/akun/masuk", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await staff.GetByLabel("E-mail").FillAsync(await sop.EmailOfAsync(firstRole));
        await staff.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{campus.Prefix}/admin$")); // polls; no load event to miss after the sign-in redirect
        await staff.GotoAsync($"{campus.Prefix}/admin/sop/{definitionId}/instans", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var row = staff.Locator("table.instances tbody tr", new() { HasText = $"Permohonan {code}" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // The request waits at the form's entry step, unless the requester did that step by sending the form.
        var entry = definition.Pintu("formulir");
        if (entry.Otomatis != CampusKonseling.Sop.Definitions.Pemicu.Formulir) await Assertions.Expect(row).ToContainTextAsync(entry.Label);
        await staff.ScreenshotAsync(new() { Path = Shot(recipe, kode, "daftar-staf"), FullPage = true });
    }

    internal static async Task FillAsync(ILocator box, Isian field, string email)
    {
        var name = $"f_{field.Id}";
        switch (field.Jenis)
        {
            case JenisIsian.Pilihan when field.Tampilan == "select":
                await box.Locator($"select[name='{name}']").SelectOptionAsync(field.Pilihan[0]);
                break;
            case JenisIsian.Pilihan:
            case JenisIsian.PilihanGanda:
                await box.Locator($"input[name='{name}']").First.CheckAsync();
                break;
            case JenisIsian.Persetujuan:
                await box.Locator($"input[name='{name}']").CheckAsync();
                break;
            case JenisIsian.TeksPanjang:
                await box.Locator($"textarea[name='{name}']").FillAsync(Text(field, "Saya ingin berkonsultasi tentang rencana studi dan karier saya."));
                break;
            default:
                var value = field.Jenis switch
                {
                    JenisIsian.Email => email,
                    JenisIsian.Telepon => "0812 3456 7890",
                    JenisIsian.Nim => "2021001234",
                    JenisIsian.Angka => ((int)(field.Min ?? 1)).ToString(),
                    JenisIsian.Tanggal => "2030-01-07",
                    _ => Text(field, field.Petakan == Petakan.Nama ? "Dewi Lestari" : "Informatika"),
                };
                if (field.Pola is { } pola) Assert.Matches(new Regex(pola), value);
                await box.Locator($"input[name='{name}']").FillAsync(value);
                break;
        }
    }

    private static string Text(Isian field, string text)
    {
        while (text.Length < (field.Min ?? 0)) text += " " + text;
        return field.Maks is { } max && text.Length > max ? text[..(int)max] : text;
    }

    private static string Shot(string recipe, string kode, string step) => Path.Combine(RepoPaths.Screenshots, $"form-{recipe}-{kode}-{step}.png");
}

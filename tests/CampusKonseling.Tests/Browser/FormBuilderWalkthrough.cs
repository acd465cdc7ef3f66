using System.Text.RegularExpressions;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// A campus web admin, on a phone, builds a small career-consultation form with a field shown only
/// for online consultations, previews it, publishes it, and sees it on the campus site.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FormBuilderWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private int _step;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("unipma", "pembuat");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Web_admin_builds_previews_and_publishes_a_form_with_a_show_if_field()
    {
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_campus.Prefix}/akun/masuk", Loaded);
        await page.GetByLabel("E-mail").FillAsync(_campus.AdminEmail);
        await page.GetByLabel("Kata sandi").FillAsync(_campus.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{_campus.Prefix}/admin$")); // polls; no load event to miss after the sign-in redirect

        // 1. Formulir (from the menu, folded behind its button on a phone): the recipe's forms, and a new one.
        await page.Locator(".admin-header .menu-toggle").ClickAsync();
        await page.Locator("nav.admin-nav a[data-menu='admin/formulir/kelola']").ClickAsync();
        await Assertions.Expect(page.Locator("table.form-list tr[data-formulir='permohonan-konseling-karier']")).ToHaveCountAsync(1);
        await page.Locator("input[name='Judul']").FillAsync("Konsultasi Karier Alumni");
        await page.Locator("input[name='Kode']").FillAsync("konsultasi-karier");
        await ShotAsync(page, "daftar-formulir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat formulir" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pesan")).ToContainTextAsync("dibuat sebagai draf");
        await Assertions.Expect(page.Locator(".builder-field")).ToHaveCountAsync(2);
        await ShotAsync(page, "formulir-baru");

        // 2. A single choice: online or face to face.
        await AddFieldAsync(page, "pilihan");
        await page.Locator("input[name='Input.Id']").FillAsync("bentuk");
        await page.Locator("input[name='Input.Label']").FillAsync("Bentuk konsultasi");
        await page.Locator("textarea[name='Input.Pilihan']").FillAsync("Online\nTatap muka");
        await page.Locator("#Input_Wajib").CheckAsync();
        await page.Locator("select[name='Input.Petakan']").SelectOptionAsync("saluran");
        await ShotAsync(page, "isian-pilihan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan isian" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-isian='bentuk']")).ToContainTextAsync("dipetakan ke Saluran layanan");

        // 3. A text shown only for online consultations; a mistake first, kept as typed.
        await AddFieldAsync(page, "teks");
        await page.Locator("input[name='Input.Id']").FillAsync("aplikasi");
        await page.Locator("input[name='Input.Label']").FillAsync("Aplikasi video yang Anda pakai");
        await page.Locator("input[name='Input.Min']").FillAsync("40");
        await page.Locator("input[name='Input.Maks']").FillAsync("4");
        await page.Locator("select[name='Input.TampilJika']").SelectOptionAsync("bentuk::Online");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan isian" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Min']")).ToHaveTextAsync("Min tidak boleh lebih besar dari maks.");
        await Assertions.Expect(page.Locator("input[name='Input.Maks']")).ToHaveValueAsync("4");
        await ShotAsync(page, "isian-salah");
        await page.Locator("input[name='Input.Min']").FillAsync("");
        await page.Locator("input[name='Input.Maks']").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan isian" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-isian='aplikasi']")).ToContainTextAsync("tampil jika Bentuk konsultasi = Online");

        // 4. Move it up above the e-mail? No: the choice it depends on must stay above it; move the e-mail down instead.
        await page.Locator("[data-isian='email']").GetByRole(AriaRole.Button, new() { Name = "Turun" }).ClickAsync();
        await Assertions.Expect(page.Locator(".builder-field").Nth(1)).ToHaveAttributeAsync("data-isian", "bentuk");
        await ShotAsync(page, "penyunting");

        // 5. Preview: the draft in the campus theme; the online-only field appears for "Online".
        await page.GetByRole(AriaRole.Link, new() { Name = "Pratinjau" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pratinjau")).ToContainTextAsync("Pratinjau");
        await Assertions.Expect(page.Locator("[data-isian='aplikasi']")).ToBeHiddenAsync();
        await ShotAsync(page, "pratinjau");
        await page.Locator("input[name='f_bentuk'][value='Online']").CheckAsync();
        await Assertions.Expect(page.Locator("[data-isian='aplikasi']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" })).ToBeDisabledAsync();
        await ShotAsync(page, "pratinjau-online");

        // 6. Publish as version 1.
        await page.GetByRole(AriaRole.Link, new() { Name = "Kembali ke penyunting" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan sebagai versi 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pesan")).ToContainTextAsync("Versi 1 diterbitkan");
        await Assertions.Expect(page.Locator("table.versions tr[data-versi='1']")).ToHaveCountAsync(1);
        await ShotAsync(page, "diterbitkan");

        // 7. The campus site has it, with the same show-if.
        await page.GotoAsync($"{_campus.Prefix}/formulir/konsultasi-karier", Loaded);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Konsultasi Karier Alumni");
        await Assertions.Expect(page.Locator("[data-isian='aplikasi']")).ToBeHiddenAsync();
        await page.Locator("input[name='f_bentuk'][value='Online']").CheckAsync();
        await Assertions.Expect(page.Locator("[data-isian='aplikasi']")).ToBeVisibleAsync();
        await ShotAsync(page, "formulir-publik");
    }

    private static async Task AddFieldAsync(IPage page, string jenis)
    {
        await page.Locator("#jenis-baru").SelectOptionAsync(jenis);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah isian", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sunting isian");
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"form-builder-{++_step:00}-{name}.png"), FullPage = true });

    // The DOM is what the steps need; waiting for every subresource only adds ways to stall.
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}

using CampusKonseling.Programs.Data;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// What the program walkthroughs do as their actors, on top of <see cref="CaseWalk"/>: make a program on the staff page,
/// complete its SOP steps from the program page, make its letters, and register a student on a phone.
/// </summary>
internal sealed class ProgramWalk(BrowserFixture browser, PlatformFixture platform, TestTenant campus, string shotPrefix)
{
    public static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
    public CaseWalk Case { get; } = new(browser, platform, campus, shotPrefix);
    public string Prefix => campus.Prefix;

    public Task<IPage> AsAsync(string role) => Case.AsAsync(role);
    public Task ShotAsync(IPage page, string name) => Case.ShotAsync(page, name);

    public async Task<Guid> NewProgramAsync(IPage page, string kind, string judul, int inDays, int? kapasitas = null)
    {
        await page.GotoAsync($"{Prefix}/admin/program/baru", Loaded);
        await page.Locator("#JenisKode").SelectOptionAsync(kind);
        await page.Locator("#Judul").FillAsync(judul);
        await page.Locator("#Tema").FillAsync("Mengenali minat dan bakat untuk merencanakan karier");
        await page.Locator("#Narasumber").FillAsync("Dr. Ratih Christiana, M.Pd.");
        await page.Locator("#sesi-0-tanggal").FillAsync(DateTime.UtcNow.AddDays(inDays).ToString("yyyy-MM-dd"));
        await page.Locator("#sesi-0-mulai").FillAsync("08:00");
        await page.Locator("#sesi-0-selesai").FillAsync("12:00");
        await page.Locator("#Tempat").FillAsync("Aula Gedung Utama");
        if (kapasitas is not null) await page.Locator("#Kapasitas").FillAsync(kapasitas.ToString()!);
        await ShotAsync(page, "program-baru");
        await page.Locator("form.new-program button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("SOP-nya sudah berjalan");
        return await Case.In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Programs.Where(p => p.Judul == judul).Select(p => p.Id).SingleAsync());
    }

    public async Task AddCommitteeAsync(IPage page, string nama, string peran)
    {
        await page.Locator("#PenggunaId").SelectOptionAsync(new SelectOptionValue { Label = nama });
        await page.Locator("#PeranPanitia").SelectOptionAsync(peran);
        await page.Locator("form.add-committee button").ClickAsync();
        await Assertions.Expect(page.Locator($".committee-list li[data-panitia='{peran}']")).ToContainTextAsync(nama);
    }

    /// <summary>From the program page to the SOP chart; completes the step and comes back to the program page.</summary>
    public async Task CompleteStepAsync(IPage page, Guid program, string step)
    {
        await page.GotoAsync($"{Prefix}/admin/program/{program}", Loaded);
        await Assertions.Expect(page.Locator($".program-sop li[data-langkah='{step}']")).ToBeVisibleAsync();
        await page.Locator(".program-sop a.button").ClickAsync();
        var form = page.Locator($"form.complete-step:has(input[name='Input.StepId'][value='{step}'])");
        foreach (var box in await form.Locator("input[name='Input.Kelengkapan']").AllAsync()) await box.CheckAsync();
        if (await form.Locator("textarea[name='Input.Keluaran']").CountAsync() > 0) await form.Locator("textarea[name='Input.Keluaran']").FillAsync($"Keluaran langkah {step}");
        await form.Locator("textarea[name='Input.Catatan']").FillAsync($"Langkah {step} selesai.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Selesaikan langkah" }).ClickAsync();
        await Assertions.Expect(page.Locator($".chart svg g[data-step='{step}']")).ToHaveAttributeAsync("data-state", "selesai");
        await page.GotoAsync($"{Prefix}/admin/program/{program}", Loaded);
        await Assertions.Expect(page.Locator($".program-sop li[data-langkah='{step}']")).ToHaveCountAsync(0);
        await ShotAsync(page, $"langkah-{step}-selesai");
    }

    /// <summary>Makes one of the program's letters from its button, checks the PDF, and returns the letter's number.</summary>
    public async Task<string> LetterAsync(IPage page, Guid program, string template)
    {
        await page.GotoAsync($"{Prefix}/admin/program/{program}", Loaded);
        await page.Locator($"form.letters-make button[data-templat='{template}']").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("dibuat");
        var row = page.Locator($"table.letters tr[data-templat='{template}']").Last;
        var pdf = await page.APIRequest.GetAsync((await row.Locator("a.pdf").GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await row.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, $"surat-{template}");
        return (await row.GetAttributeAsync("data-surat"))!;
    }

    /// <summary>A phone-sized browser with no sign-in: the student at night.</summary>
    public async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID", IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>The student finds the program on the campus site and registers; returns their code from the ticket page.</summary>
    public async Task<string> RegisterAsync(IPage phone, string judul, string nama, string nim, string email)
    {
        await phone.GotoAsync($"{Prefix}/program", Loaded);
        await ShotAsync(phone, "daftar-program-publik");
        await phone.Locator("li.card", new() { HasText = judul }).Locator("a.button").ClickAsync();
        await phone.Locator("#Nama").FillAsync(nama);
        await phone.Locator("#Nim").FillAsync(nim);
        await phone.Locator("#Email").FillAsync("salah@");
        await phone.Locator("form.registration button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("#err-email")).ToContainTextAsync("tidak valid");
        await Assertions.Expect(phone.Locator("#Nama")).ToHaveValueAsync(nama);
        await ShotAsync(phone, "pendaftaran-salah-email");
        await phone.Locator("#Email").FillAsync(email);
        await phone.Locator("#Telepon").FillAsync("0812 3456 7890");
        await phone.Locator("form.registration button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("#pendaftaran-diterima")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".ticket img")).ToBeVisibleAsync();
        await ShotAsync(phone, "tiket-qr");
        return (await phone.Locator("#kode-peserta").TextContentAsync())!.Trim();
    }
}

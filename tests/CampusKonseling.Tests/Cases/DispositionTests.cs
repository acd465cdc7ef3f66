using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>IPDN's chain: Kepala Unit → Kepala Biro III → Rektor, each reporting back, and the Lembar Disposisi filled from it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DispositionTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _ipdn = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _ipdn = await platform.CreateTenantAsync("ipdn", "disposisi");
        _in = new SopHarness(platform, _ipdn);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<TestClient> AsAsync(string role)
    {
        var client = platform.Client();
        await client.SignInAsync(_ipdn.Prefix, await _in.EmailOfAsync(role), "Demo12345");
        return client;
    }

    [Fact]
    public async Task A_disposition_goes_down_the_chain_to_the_rektor_and_the_reports_come_back()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var sop = (await _in.InCampusAsync(sp => sp.GetRequiredService<ISopLauncher>().ListAsync())).First(s => s.Judul.Contains("Terapi", StringComparison.OrdinalIgnoreCase));
        using var opened = await admin.SubmitAsync($"{_ipdn.Prefix}/admin/kasus/baru", "form.new-case", new Dictionary<string, string>
        {
            ["Nama"] = "Praja Andi", ["Nim"] = "32.0123", ["JenisKlien"] = "Praja", ["Cara"] = "Datang langsung", ["Sop"] = sop.Kode,
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var c = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nama == "Praja Andi"));
        var path = $"{_ipdn.Prefix}/admin/kasus/{c.Id}";

        using var kepala = await AsAsync("Kepala Unit");
        var (_, page) = await kepala.PageAsync(path);
        using var missing = await kepala.SubmitAsync(page, "form.give", new Dictionary<string, string> { ["Sebagai"] = "Kepala Unit", ["KepadaPeran"] = "Kepala Biro III" }, $"{path}?handler=Disposisi");
        Assert.Equal("Tuliskan isi disposisi.", (await TestClient.ParseAsync(missing)).QuerySelector(".give .field-error")!.TextContent);
        using var given = await kepala.SubmitAsync(page, "form.give", new Dictionary<string, string>
        {
            ["Sebagai"] = "Kepala Unit", ["KepadaPeran"] = "Kepala Biro III", ["Instruksi"] = "Mohon persetujuan rujukan terapi ke psikiater.",
            ["BatasWaktu"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"),
        }, $"{path}?handler=Disposisi");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);

        using var biro = await AsAsync("Kepala Biro III");
        var (_, inbox) = await biro.PageAsync($"{_ipdn.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        var (_, biroPage) = await biro.PageAsync(path);
        var first = biroPage.QuerySelector("li.disposition[data-kepada='Kepala Biro III']")!.GetAttribute("data-disposisi")!;
        var (_, forward) = await biro.PageAsync($"{path}?teruskan={first}");
        using var passed = await biro.SubmitAsync(forward, "form.give", new Dictionary<string, string>
        {
            ["Sebagai"] = "Kepala Biro III", ["KepadaPeran"] = "Rektor", ["Instruksi"] = "Diteruskan untuk persetujuan Rektor.",
        }, $"{path}?handler=Disposisi");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);

        // Someone who did not receive it cannot report on it.
        using var staf = await AsAsync("Staf");
        var (_, stafPage) = await staf.PageAsync(path);
        var toRektor = stafPage.QuerySelector("li.disposition[data-kepada='Rektor']")!.GetAttribute("data-disposisi")!;
        using var notMine = await staf.PostWithTokenAsync(stafPage, $"{path}?handler=LaporDisposisi&disposisi={toRektor}", new Dictionary<string, string> { ["Laporan"] = "x" });
        Assert.Equal("Hanya penerima disposisi yang dapat melaporkannya.", (await TestClient.ParseAsync(notMine)).QuerySelector(".dispositions > .field-error")!.TextContent);

        using var rektor = await AsAsync("Rektor");
        var (_, rektorPage) = await rektor.PageAsync(path);
        using var approved = await rektor.SubmitAsync(rektorPage, $"li[data-disposisi='{toRektor}'] form.report", new Dictionary<string, string> { ["Laporan"] = "Disetujui, laksanakan rujukan." }, $"{path}?handler=LaporDisposisi&disposisi={toRektor}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (_, back) = await biro.PageAsync(path);
        using var reported = await biro.SubmitAsync(back, $"li[data-disposisi='{first}'] form.report", new Dictionary<string, string> { ["Laporan"] = "Rektor menyetujui; rujukan dilaksanakan." }, $"{path}?handler=LaporDisposisi&disposisi={first}");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);

        var (_, final) = await kepala.PageAsync($"{path}?Templat=lembar-disposisi");
        Assert.Equal(2, final.QuerySelectorAll("li.disposition.status-dilaporkan").Length);
        Assert.Contains("Rektor menyetujui", final.QuerySelector($"li[data-disposisi='{first}'] .laporan")!.TextContent);
        Assert.Equal("Mohon persetujuan rujukan terapi ke psikiater.", final.QuerySelector("#nilai-disposisi_kepala_unit")!.GetAttribute("value"));
        Assert.Equal("Diteruskan untuk persetujuan Rektor.", final.QuerySelector("#nilai-disposisi_kepala_biro")!.GetAttribute("value"));
        var told = await TestDatabase.ScalarAsync(_ipdn.Database, "SELECT count(*) FROM notifications.notifications WHERE jenis = 'kasus-disposisi-laporan'");
        Assert.Equal(2L, told);
    }

    [Fact]
    public async Task The_step_checklist_counts_the_request_form_as_its_formulir_item()
    {
        var form = (await _in.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Forms.Intake.FormCatalog>().CurrentAsync("pendaftaran-konseling")))!.Form;
        var values = new Dictionary<string, string>();
        foreach (var f in form.Isian.Where(f => CampusKonseling.Forms.Definitions.JenisIsian.TakesAnswer(f.Jenis)))
            values["f_" + f.Id] = f.Jenis switch
            {
                "email" => $"praja.{Guid.NewGuid():N}@praja.test", "telepon" => "081234567890", "persetujuan" => "setuju", "nim" => "31.0999",
                "pilihan" or "pilihanGanda" => f.Pilihan[0], "angka" => "1", "tanggal" => "2030-01-07",
                _ => new string('a', Math.Max(12, (int)(f.Min ?? 0))),
            };
        using var client = platform.Client();
        using var sent = await client.SubmitAsync($"{_ipdn.Prefix}/formulir/pendaftaran-konseling", "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var c = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));
        using var staf = await AsAsync("Staf");
        var (_, page) = await staf.PageAsync($"{_ipdn.Prefix}/admin/kasus/{c.Id}");
        var item = page.QuerySelector("li[data-kelengkapan='Formulir Pendaftaran Konseling']")!;
        Assert.Equal("done", item.GetAttribute("class"));
        Assert.Contains(code, item.TextContent);
    }
}

using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>IPDN's chain on the case page, as the therapy SOP's steps give it: Kepala Unit → Kepala Biro III → Rektor → Kepala Unit, the report back, and the Lembar Disposisi filled from it.</summary>
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
    public async Task Dispositions_follow_the_therapy_sops_steps_up_to_the_rektor_and_the_report_comes_back()
    {
        // Steps 1–6 done as their actors would (IpdnSopWalkTests checks each); the page works on the real clock, so the walk's starts just before now.
        var w = new IpdnWalk(platform, _ipdn, new ManualClock(DateTimeOffset.UtcNow.AddHours(-2)));
        await w.StartAsync("IPDN-BK-TERAPI", "Konselor/Psikolog");
        await w.CompleteAsync("1", "Konselor/Psikolog");
        await w.CompleteAsync("2", "Kasubbag/Arsiparis");
        var (nota, _) = await w.LetterAsync("nota-dinas");
        var staf = await w.Sop.ActorAsync("Staf");
        await w.WithAsync<bool>(async (_, steps, _) =>
        {
            await steps.UpdateAsync(w.Instance, new Dictionary<string, string?> { ["penugasan.pendamping"] = staf.Id, ["penugasan.pendamping.nama"] = staf.Nama });
            return true;
        });
        await w.CompleteWithWorkAsync("3", "Kepala Unit", "surat", $"surat {nota.Nomor}");
        await w.CompleteAsync("4", "Staf");
        await w.UploadAsync("Psikiater", "Surat Hasil Pemeriksaan");
        await w.CompleteWithWorkAsync("5", "Psikiater", "unggah", "dokumen Surat Hasil Pemeriksaan");
        var (laporan, _) = await w.LetterAsync("laporan-hasil-terapi");
        await w.CompleteWithWorkAsync("6", "Kasubbag/Arsiparis", "surat", $"surat {laporan.Nomor}");
        var summary = $"{_ipdn.Prefix}/admin/kasus/{w.CaseId}";
        var path = summary + "/disposisi";

        // Nobody is offered a free "give a disposition": the Staf and the Psikiater are told whose step it is, and refused.
        foreach (var role in new[] { "Staf", "Psikiater" })
        {
            using var other = await AsAsync(role);
            var (_, otherPage) = await other.PageAsync(path);
            Assert.Null(otherPage.QuerySelector("form.give"));
            Assert.Contains("langkah 7 oleh Kepala Unit kepada Kepala Biro III", otherPage.QuerySelector("#disposisi-sesuai-sop")!.TextContent);
            using var refused = await other.PostWithTokenAsync(otherPage, $"{path}?handler=Disposisi",
                new Dictionary<string, string> { ["LangkahDisposisi"] = "9", ["Instruksi"] = "Disposisi Rektor yang dipalsukan." });
            Assert.Contains("tidak sedang mengerjakan langkah SOP yang memberi disposisi", (await TestClient.ParseAsync(refused)).QuerySelector("#disposisi-ditolak")!.TextContent);
        }
        Assert.Empty(await w.ChainAsync());

        // Step 7: the Kepala Unit's step card leads to the form, addressed by the SOP (no choice of receiver); an empty instruction is refused.
        using var kepala = await AsAsync("Kepala Unit");
        var (_, card) = await kepala.PageAsync(summary);
        Assert.EndsWith("/disposisi#beri-7", card.QuerySelector("article[data-langkah='7'] li[data-aksi='disposisi'] a")!.GetAttribute("href"));
        var (_, page) = await kepala.PageAsync(path);
        var form = page.QuerySelector("form.give[data-langkah='7']")!;
        Assert.Equal("Kepala Unit → Kepala Biro III", form.QuerySelector(".route strong")!.TextContent);
        Assert.Null(page.QuerySelector("#KepadaPeran"));
        using var missing = await kepala.SubmitAsync(page, "form.give", new Dictionary<string, string>(), $"{path}?handler=Disposisi");
        Assert.Equal("Tuliskan isi disposisi.", (await TestClient.ParseAsync(missing)).QuerySelector(".give .field-error")!.TextContent);
        using var given = await kepala.SubmitAsync(page, "form.give", new Dictionary<string, string>
        {
            ["Instruksi"] = "Mohon persetujuan rujukan terapi ke psikiater.", ["BatasWaktu"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"),
        }, $"{path}?handler=Disposisi");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal("/" + path, given.Headers.Location!.OriginalString);
        var (_, after) = await kepala.PageAsync(path);
        Assert.Contains("Langkah SOP 7 selesai", after.QuerySelector(".alert.success")!.TextContent);
        Assert.Equal("8", (await w.InstanceAsync()).Aktif.Single().StepId);

        // Step 8: the Kepala Biro III finds it in the inbox and passes it on to the Rektor.
        using var biro = await AsAsync("Kepala Biro III");
        var (_, inbox) = await biro.PageAsync($"{_ipdn.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{(await w.CaseAsync()).Nomor}']"));
        var (_, biroPage) = await biro.PageAsync(path);
        Assert.Equal("Kepala Biro III → Rektor", biroPage.QuerySelector("form.give[data-langkah='8'] .route strong")!.TextContent);
        using var passed = await biro.SubmitAsync(biroPage, "form.give", new Dictionary<string, string> { ["Instruksi"] = "Diteruskan untuk persetujuan Rektor." }, $"{path}?handler=Disposisi");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);

        // Step 9: the Rektor back to the Kepala Unit.
        using var rektor = await AsAsync("Rektor");
        var (_, rektorPage) = await rektor.PageAsync(path);
        using var approved = await rektor.SubmitAsync(rektorPage, "form.give", new Dictionary<string, string> { ["Instruksi"] = "Disetujui, laksanakan rujukan." }, $"{path}?handler=Disposisi");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("10", (await w.InstanceAsync()).Aktif.Single().StepId);

        // Step 10: only the Kepala Unit reports on the Rektor's disposition.
        var toKepala = (await w.ChainAsync()).Single(d => d.DariPeran == "Rektor").Id;
        using var stafClient = await AsAsync("Staf");
        var (_, stafPage) = await stafClient.PageAsync(path);
        Assert.Null(stafPage.QuerySelector("form.report"));
        using var notMine = await stafClient.PostWithTokenAsync(stafPage, $"{path}?handler=LaporDisposisi&disposisi={toKepala}", new Dictionary<string, string> { ["Laporan"] = "x" });
        Assert.StartsWith("Hanya penerima disposisi", (await TestClient.ParseAsync(notMine)).QuerySelector(".dispositions > .field-error")!.TextContent);
        var (_, back) = await kepala.PageAsync(path);
        using var reported = await kepala.SubmitAsync(back, $"li[data-disposisi='{toKepala}'] form.report", new Dictionary<string, string> { ["Laporan"] = "Rujukan dilaksanakan." }, $"{path}?handler=LaporDisposisi&disposisi={toKepala}");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Equal("11", (await w.InstanceAsync()).Aktif.Single().StepId);

        // The Lembar Disposisi is filled from the chain.
        var (_, chain) = await kepala.PageAsync(path);
        Assert.Equal(2, chain.QuerySelectorAll("li.disposition.status-diteruskan").Length);
        Assert.Contains("Rujukan dilaksanakan", chain.QuerySelector($"li[data-disposisi='{toKepala}'] .laporan")!.TextContent);
        var (_, final) = await kepala.PageAsync($"{summary}/surat?Templat=lembar-disposisi");
        Assert.StartsWith("Mohon persetujuan rujukan terapi ke psikiater.", final.QuerySelector("#nilai-disposisi_kepala_unit")!.GetAttribute("value"));
        Assert.Equal("Diteruskan untuk persetujuan Rektor.", final.QuerySelector("#nilai-disposisi_kepala_biro")!.GetAttribute("value"));
        Assert.Equal("Disetujui, laksanakan rujukan.", final.QuerySelector("#nilai-disposisi_rektor")!.GetAttribute("value"));
        var told = await TestDatabase.ScalarAsync(_ipdn.Database, "SELECT count(*) FROM notifications.notifications WHERE jenis = 'kasus-disposisi-laporan'");
        Assert.Equal(1L, told);
    }
}

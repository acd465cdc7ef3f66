using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Documents;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Archive;

/// <summary>Records past retention are listed to the admin, destroyed only on confirmation, with everything they own, leaving an audit entry.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RetentionTests(PlatformFixture platform) : IAsyncLifetime
{
    private IntakeCampus _site = null!;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, "retensi");

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private async Task<CaseRow> ClosedCaseAsync(DateTimeOffset closed, string name)
    {
        using var client = platform.Client();
        var values = IntakeTests.Valid($"{Guid.NewGuid():N}@mahasiswa.test");
        values["f_nama"] = name;
        using var sent = await client.SubmitAsync($"{_site.Campus.Prefix}/formulir/permohonan-uji", "form.intake", values);
        var code = System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        return await _site.In.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var row = await db.Cases.SingleAsync(c => c.KodePelacakan == code);
            row.Status = CaseStatus.Selesai;
            row.DitutupPada = closed;
            await db.SaveChangesAsync();
            var values = new Dictionary<string, string> { ["nama"] = name };
            var letter = await sp.GetRequiredService<ILetterService>().GenerateAsync(new LetterRequest("surat-rujukan", CaseLetters.Owner, row.Id.ToString(), values));
            await sp.GetRequiredService<CaseArchiving>().FileLetterAsync(row, letter, values, default);
            await sp.GetRequiredService<CaseArchiving>().FileAsync(row, default);
            return row;
        });
    }

    [Fact]
    public async Task Destruction_needs_confirmation_and_removes_the_case_its_letters_and_index_leaving_an_audit_entry()
    {
        var old = await ClosedCaseAsync(new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), "Klien Lama Sekali");
        var recent = await ClosedCaseAsync(DateTimeOffset.UtcNow.AddDays(-10), "Klien Baru Saja");
        var path = $"{_site.Campus.Prefix}/admin/arsip/retensi";
        var (_, page) = await _site.Admin.PageAsync(path);
        var listed = page.QuerySelectorAll("tr[data-arsip]").Select(r => r.TextContent).ToList();
        Assert.Single(listed);
        Assert.Contains(old.Nomor, listed[0]);

        var recordId = page.QuerySelector("tr[data-arsip]")!.GetAttribute("data-arsip")!;
        using var unconfirmed = await _site.Admin.SubmitAsync(page, "form.destroy", new Dictionary<string, string> { ["Pilih"] = recordId, ["Konfirmasi"] = "ya" }, $"{path}?handler=Musnahkan");
        Assert.Equal("Ketik MUSNAHKAN untuk mengonfirmasi pemusnahan.", (await TestClient.ParseAsync(unconfirmed)).QuerySelector(".destroy span.field-error")!.TextContent);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT count(*) FROM kasus.cases WHERE id = '{old.Id}'"));

        using var confirmed = await _site.Admin.SubmitAsync(page, "form.destroy", new Dictionary<string, string> { ["Pilih"] = recordId, ["Konfirmasi"] = "MUSNAHKAN" }, $"{path}?handler=Musnahkan");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        long Count(string sql) => (long)TestDatabase.ScalarAsync(_site.Campus.Database, sql).GetAwaiter().GetResult()!;
        Assert.Equal(0, Count($"SELECT count(*) FROM kasus.cases WHERE id = '{old.Id}'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM kasus.entries WHERE case_id = '{old.Id}'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM letters.letters WHERE pemilik_id = '{old.Id}'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM arsip.records WHERE id = '{recordId}'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM arsip.records WHERE subjek_id LIKE '{old.Id}/%'"));
        Assert.Equal(1, Count($"SELECT count(*) FROM arsip.records WHERE subjek_id LIKE '{recent.Id}/%'"));
        // The recent case and its letter are untouched.
        Assert.Equal(1, Count($"SELECT count(*) FROM kasus.cases WHERE id = '{recent.Id}'"));
        Assert.Equal(1, Count($"SELECT count(*) FROM letters.letters WHERE pemilik_id = '{recent.Id}'"));
        // The audit entry says what class of record went, when and by whom; never who the client was.
        var audit = (string)(await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT ringkasan || '|' || coalesce(pengguna_email, '') FROM audit.entries WHERE jenis = 'hapus' AND subjek_id = '{recordId}'"))!;
        Assert.Contains("dimusnahkan setelah masa simpan", audit);
        Assert.Contains(_site.Campus.AdminEmail, audit);
        Assert.DoesNotContain("Klien Lama", audit);
    }

    [Fact]
    public async Task An_archived_case_takes_only_corrections_each_filed_as_a_new_audited_version()
    {
        var c = await ClosedCaseAsync(DateTimeOffset.UtcNow.AddDays(-3), "Klien Arsip");
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        Assert.Null((await _site.Admin.PageAsync($"{path}/dokumen")).Page.QuerySelector("form.upload"));
        var (_, page) = await _site.Admin.PageAsync($"{path}/catatan");
        Assert.Equal(["koreksi"], page.QuerySelectorAll("form.note #Jenis option").Select(o => o.GetAttribute("value")));
        // A crafted post of another kind is stored as a correction all the same.
        using var wrote = await _site.Admin.SubmitAsync(page, "form.note", new Dictionary<string, string> { ["Jenis"] = "catatan", ["Tingkat"] = "administratif", ["Isi"] = "Koreksi: tanggal sesi tercatat salah, seharusnya Senin." }, $"{path}/catatan?handler=Catatan");
        Assert.Equal(HttpStatusCode.Redirect, wrote.StatusCode);
        Assert.Equal("koreksi", await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT jenis FROM kasus.entries WHERE case_id = '{c.Id}' AND isi LIKE 'Koreksi:%'"));
        Assert.Equal(2, await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT versi FROM arsip.records WHERE subjek_id = '{c.Id}'"));
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT count(*) FROM audit.entries WHERE subjek_id = '{c.Id}' AND ringkasan = 'Arsip kasus versi 2'"));
        var (_, found) = await _site.Admin.PageAsync($"{_site.Campus.Prefix}/admin/arsip?Q=seharusnya+Senin");
        Assert.NotNull(found.QuerySelector($"li.hit[data-subjek='{c.Id}']"));
        using var refused = await _site.Admin.PostWithTokenAsync(page, $"{path}/jadwal?handler=Janji", new Dictionary<string, string> { ["Tanggal"] = "2030-01-01", ["Jam"] = "10:00", ["Tempat"] = "Ruang 1" });
        Assert.NotNull((await TestClient.ParseAsync(refused)).QuerySelector("#kasus-ditutup"));
    }
}

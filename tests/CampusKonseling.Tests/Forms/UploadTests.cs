using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>Attachments: checked by content and size, kept when the form comes back for another mistake, served only to staff.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UploadTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _in = null!;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly FormDefinition Rujukan = new()
    {
        Kode = "rujukan-uji", Judul = "Rujukan dengan surat (uji)", Sop = "IK-KA-RUJUKAN",
        Isian =
        [
            new() { Id = "nama", Jenis = JenisIsian.Teks, Label = "Nama", Wajib = true, Petakan = Petakan.Nama },
            new() { Id = "email", Jenis = JenisIsian.Email, Label = "E-mail", Wajib = true, Petakan = Petakan.Email },
            new() { Id = "surat", Jenis = JenisIsian.Berkas, Label = "Surat pengantar dosen PA", Wajib = true, Tipe = ["pdf"], MaksKb = 20 },
            new() { Id = "setuju", Jenis = JenisIsian.Persetujuan, Label = "Saya setuju", Teks = "Data untuk layanan konseling, disimpan 5 tahun.", Versi = "1", RetensiHari = 1825 },
        ],
    };

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "unggah");
        await platform.SetFeatureAsync(_campus, "Forms", enabled: true);
        _in = new SopHarness(platform, _campus);
        await _in.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(Rujukan, "uji"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Path => $"{_campus.Prefix}/formulir/rujukan-uji";

    [Fact]
    public async Task An_attachment_is_kept_when_the_form_comes_back_and_belongs_to_the_request_once_sent()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(Path);
        using var first = await PostAsync(client, page, new() { ["f_nama"] = "Rina", ["f_email"] = "bukan-email", ["f_setuju"] = "setuju" }, ("surat-pengantar.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await TestClient.ParseAsync(first);
        Assert.Contains("Terlampir: surat-pengantar.pdf", again.QuerySelector("[data-isian='surat'] .attached")!.TextContent);
        Assert.Null(again.QuerySelector("[data-isian='surat'] .field-error"));
        Assert.NotNull(again.QuerySelector("[data-isian='email'] .field-error"));

        using var second = await PostAsync(client, again, new() { ["f_nama"] = "Rina", ["f_email"] = "rina@mahasiswa.test", ["f_setuju"] = "setuju" }, null);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(second.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;

        var file = await _in.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDb>();
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.KodePelacakan == code);
            return await db.Files.AsNoTracking().SingleAsync(f => f.SubmissionId == submission.Id);
        });
        Assert.Equal(("surat-pengantar.pdf", "application/pdf"), (file.NamaAsli, file.Mime));

        using var anonymous = await client.GetAsync($"{_campus.Prefix}/admin/formulir/berkas/{file.Id}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, list) = await admin.PageAsync($"{_campus.Prefix}/admin/formulir");
        var link = list.QuerySelector($"tr[data-kode='{code}'] a.attachment")!.GetAttribute("href")!;
        using var download = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Files_of_forms_never_sent_are_deleted_after_a_day_and_sent_ones_are_kept()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(Path);
        using (var abandoned = await PostAsync(client, page, new() { ["f_nama"] = "Tono", ["f_email"] = "bukan-email", ["f_setuju"] = "setuju" }, ("ditinggal.pdf", Pdf)))
            Assert.Equal(HttpStatusCode.OK, abandoned.StatusCode);
        var (_, other) = await client.PageAsync(Path);
        using (var sent = await PostAsync(client, other, new() { ["f_nama"] = "Tono", ["f_email"] = "tono@mahasiswa.test", ["f_setuju"] = "setuju" }, ("terkirim.pdf", Pdf)))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        Task<List<string>> NamesAsync() => _in.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Files.OrderBy(f => f.NamaAsli).Select(f => f.NamaAsli).ToListAsync());
        Task CleanAsync(TimeSpan later) => _in.InCampusAsync(async sp =>
        {
            await ActivatorUtilities.CreateInstance<PendingUploadCleanup>(sp, new ManualClock(DateTimeOffset.UtcNow + later)).RunAsync(default);
            return 0;
        });
        await CleanAsync(TimeSpan.FromHours(1)); // someone may still come back to the form
        Assert.Equal(["ditinggal.pdf", "terkirim.pdf"], await NamesAsync());
        await CleanAsync(TimeSpan.FromDays(2));
        Assert.Equal(["terkirim.pdf"], await NamesAsync());
    }

    [Fact]
    public async Task The_requester_downloads_their_own_attachment_after_the_status_check_and_nobody_else_can()
    {
        var email = $"wati.{Guid.NewGuid():N}@mahasiswa.test";
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(Path);
        using var sent = await PostAsync(client, page, new() { ["f_nama"] = "Wati", ["f_email"] = email, ["f_setuju"] = "setuju" }, ("surat-saya.pdf", Pdf));
        var code = System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;

        var statusPath = $"{_campus.Prefix}/formulir/status";
        var (codePage, otp) = await StatusCheck.RequestCodeAsync(client, _campus.Prefix, code, email);
        using (var verified = await client.SubmitAsync(codePage, "form[action*='handler=Periksa']", new Dictionary<string, string> { ["KodeSekali"] = otp }, statusPath))
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        var (_, status) = await client.PageAsync(statusPath);
        var link = status.QuerySelectorAll(".lampiran a").Single(a => a.TextContent == "surat-saya.pdf").GetAttribute("href")!;
        using (var download = await client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }
        using var stranger = platform.Client();
        using var refused = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_file_of_the_wrong_kind_or_too_large_is_refused_beside_its_field()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(Path);
        var values = new Dictionary<string, string> { ["f_nama"] = "Rina", ["f_email"] = "rina@mahasiswa.test", ["f_setuju"] = "setuju" };

        using (var wrong = await PostAsync(client, page, values, ("surat.pdf", Encoding.UTF8.GetBytes("MZ bukan pdf, program yang diganti namanya"))))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var shown = await TestClient.ParseAsync(wrong);
            Assert.Equal("Berkas harus berjenis PDF; isi berkas ini tidak sesuai.", shown.QuerySelector("[data-isian='surat'] .field-error")!.TextContent);
            Assert.Equal("rina@mahasiswa.test", shown.QuerySelector("input[name='f_email']")!.GetAttribute("value"));
        }
        var big = Pdf.Concat(new byte[30 * 1024]).ToArray();
        using (var large = await PostAsync(client, page, values, ("besar.pdf", big)))
        {
            var shown = await TestClient.ParseAsync(large);
            Assert.StartsWith("Berkas terlalu besar (", shown.QuerySelector("[data-isian='surat'] .field-error")!.TextContent);
        }
        using (var none = await PostAsync(client, page, values, null))
        {
            var shown = await TestClient.ParseAsync(none);
            Assert.Equal("Surat pengantar dosen PA wajib dilampirkan.", shown.QuerySelector("[data-isian='surat'] .field-error")!.TextContent);
        }
        Assert.Equal(0, await _in.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Files.CountAsync()));
        Assert.Equal(0, await _in.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.CountAsync(s => s.Nama == "Rina")));
    }

    private Task<HttpResponseMessage> PostAsync(TestClient client, IDocument page, Dictionary<string, string> values, (string Name, byte[] Bytes)? file)
    {
        var form = page.QuerySelector("form.intake")!;
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type='hidden']"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "f_surat", f.Name);
        }
        return client.Http.PostAsync(Path.TrimStart('/'), content);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Sop.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>Requests through a form on the campus site: kept whole or not at all, acknowledged by e-mail, entering the SOP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IntakeTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _sop = null!;

    internal static readonly FormDefinition Permohonan = new()
    {
        Kode = "permohonan-uji", Judul = "Permohonan Layanan (uji)", Sop = "IK-KA-INISIATIF",
        Isian =
        [
            new() { Id = "nama", Jenis = JenisIsian.Teks, Label = "Nama lengkap", Wajib = true, Maks = 120, Petakan = Petakan.Nama },
            new() { Id = "nim", Jenis = JenisIsian.Nim, Label = "NIM", Wajib = true, Pola = "^[0-9]{8,12}$" },
            new() { Id = "email", Jenis = JenisIsian.Email, Label = "E-mail", Wajib = true, Petakan = Petakan.Email },
            new() { Id = "hp", Jenis = JenisIsian.Telepon, Label = "Nomor HP", Wajib = true, Petakan = Petakan.Telepon },
            new() { Id = "saluran", Jenis = JenisIsian.Pilihan, Label = "Bentuk konseling", Pilihan = ["Online", "Tatap muka"], Wajib = true, Petakan = Petakan.Saluran },
            new() { Id = "uraian", Jenis = JenisIsian.TeksPanjang, Label = "Ceritakan singkat", Wajib = true, Min = 10, TampilJika = new("saluran", "Online"), Petakan = Petakan.Masalah },
            new() { Id = "setuju", Jenis = JenisIsian.Persetujuan, Label = "Saya setuju", Teks = "Data dipakai untuk layanan konseling dan disimpan 5 tahun.", Versi = "2026-1", RetensiHari = 1825 },
        ],
    };

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "form");
        await platform.SetFeatureAsync(_campus, "Forms", enabled: true);
        _sop = new SopHarness(platform, _campus);
        await _sop.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(Permohonan, "uji"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static Dictionary<string, string> Valid(string email) => new()
    {
        ["f_nama"] = "Dewi Lestari", ["f_nim"] = "2021001234", ["f_email"] = email, ["f_hp"] = "0812-3456-7890",
        ["f_saluran"] = "Online", ["f_uraian"] = "Saya kesulitan mengatur waktu belajar.", ["f_setuju"] = "setuju",
    };

    private string FormPath => $"{_campus.Prefix}/formulir/permohonan-uji";

    [Fact]
    public async Task A_request_is_stored_enters_the_sop_and_is_acknowledged_by_email()
    {
        var email = $"dewi.{Guid.NewGuid():N}@mahasiswa.test";
        using var client = platform.Client();
        using var sent = await client.SubmitAsync(FormPath, "form.intake", Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, done) = await client.PageAsync(sent.Headers.Location!.OriginalString);
        var code = done.QuerySelector("#kode-pelacakan")!.TextContent;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains("Mahasiswa menyampaikan kebutuhan layanan", done.QuerySelector(".next-step")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var (submission, consent) = await _sop.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDb>();
            var s = await db.Submissions.AsNoTracking().SingleAsync(x => x.KodePelacakan == code);
            return (s, await db.Consents.AsNoTracking().SingleAsync(c => c.SubmissionId == s.Id));
        });
        Assert.Equal(("Dewi Lestari", email, "081234567890", "Online", 1), (submission.Nama, submission.Email, submission.Telepon, submission.Saluran, submission.Versi));
        Assert.Equal(("2026-1", 1825, email), (consent.Versi, consent.RetensiHari, consent.Oleh));
        var answers = JsonDocument.Parse(submission.Jawaban).RootElement;
        Assert.Equal("2021001234", answers.GetProperty("nim").GetString());

        var instance = await _sop.InstanceAsync(submission.SopInstanceId!.Value);
        Assert.Equal($"Permohonan {code}", instance.Subjek);
        // Step 1, the student telling the service their need, is done by the form: the request waits at staff's step 2.
        Assert.Equal(["2"], instance.Aktif.Select(a => a.StepId));
        Assert.Equal(code, instance.Konteks["kodePelacakan"]);

        var mail = await MailDev.WaitForAsync(email);
        Assert.Contains(code, mail.Subject);
        Assert.Contains(code, mail.Text);
        Assert.Contains("Langkah berikutnya", mail.Text);
    }

    [Fact]
    public async Task Mistakes_are_shown_beside_their_fields_with_every_value_kept_and_nothing_stored()
    {
        using var client = platform.Client();
        var values = Valid("bukan-email");
        values["f_hp"] = "12345";
        values["f_nama"] = "";
        values["f_uraian"] = "pendek";
        using var response = await client.SubmitAsync(FormPath, "form.intake", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        string? Error(string id) => page.QuerySelector($"[data-isian='{id}'] .field-error")?.TextContent;
        Assert.Equal("Nama lengkap wajib diisi.", Error("nama"));
        Assert.Equal("Alamat e-mail tidak valid, contoh: nama@kampus.ac.id.", Error("email"));
        Assert.StartsWith("Nomor HP tidak valid", Error("hp"));
        Assert.Equal("Ceritakan singkat minimal 10 karakter.", Error("uraian"));
        Assert.Equal("bukan-email", page.QuerySelector("input[name='f_email']")!.GetAttribute("value"));
        Assert.Equal("2021001234", page.QuerySelector("input[name='f_nim']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='f_saluran'][value='Online'][checked]"));
        Assert.Equal("pendek", page.QuerySelector("textarea[name='f_uraian']")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='f_setuju'][checked]"));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored()
    {
        using var client = platform.Client();
        var values = Valid("tanpa.setuju@mahasiswa.test");
        values.Remove("f_setuju");
        var before = await CountAsync();
        using var response = await client.SubmitAsync(FormPath, "form.intake", values);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Permohonan hanya dapat dikirim dengan persetujuan Anda.", page.QuerySelector("[data-isian='setuju'] .field-error")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_field_shown_only_for_an_answer_is_required_only_then()
    {
        using var client = platform.Client();
        var values = Valid($"tatap.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_saluran"] = "Tatap muka";
        values["f_uraian"] = "";
        using var response = await client.SubmitAsync(FormPath, "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = Regex.Match(response.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var stored = await _sop.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.AsNoTracking().SingleAsync(s => s.KodePelacakan == code));
        Assert.False(JsonDocument.Parse(stored.Jawaban).RootElement.TryGetProperty("uraian", out _));
    }

    [Fact]
    public async Task Posting_the_same_form_twice_makes_one_request()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(FormPath);
        var email = $"dobel.{Guid.NewGuid():N}@mahasiswa.test";
        var before = await CountAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SubmitAsync(page, "form.intake", Valid(email), FormPath)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(before + 1, await CountAsync());
        var instances = await _sop.InCampusAsync(sp => sp.GetRequiredService<SopDb>().Instances.CountAsync(i => i.Kode == "IK-KA-INISIATIF"));
        Assert.Equal(await CountAsync(), instances);
    }

    [Fact]
    public async Task A_request_in_one_campus_is_invisible_in_another()
    {
        var other = await platform.CreateTenantAsync("konseling-asesmen", "formlain");
        await platform.SetFeatureAsync(other, "Forms", enabled: true);
        using var client = platform.Client();
        using var sent = await client.SubmitAsync(FormPath, "form.intake", Valid($"rahasia.{Guid.NewGuid():N}@mahasiswa.test"));
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;

        Assert.Equal(HttpStatusCode.NotFound, (await client.PageAsync($"{other.Prefix}/formulir/permohonan-uji")).Status);
        Assert.Null(await TestDatabase.ScalarAsync(other.Database, $"SELECT 1 FROM forms.submissions WHERE kode_pelacakan = '{code}'"));
        using var admin = platform.Client();
        await admin.SignInAsync(other.Prefix, other.AdminEmail, other.AdminPassword);
        var (_, list) = await admin.PageAsync($"{other.Prefix}/admin/formulir");
        Assert.DoesNotContain(code, list.Body!.TextContent);
        using var own = platform.Client();
        await own.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, mine) = await own.PageAsync($"{_campus.Prefix}/admin/formulir");
        Assert.NotNull(mine.QuerySelector($"tr[data-kode='{code}']"));
    }

    [Fact]
    public async Task When_the_database_fails_during_submit_the_person_is_told_nothing_is_half_saved_and_can_send_again()
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "gangguan");
        await platform.SetFeatureAsync(campus, "Forms", enabled: true);
        var sop = new SopHarness(platform, campus);
        await sop.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(Permohonan, "uji"));
        var path = $"{campus.Prefix}/formulir/permohonan-uji";
        var email = $"gangguan.{Guid.NewGuid():N}@mahasiswa.test";
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(path);

        // The campus's database stops accepting writes (reads still work, as in a failover).
        await platform.SetReadOnlyAsync(campus, true);
        try
        {
            using var failed = await client.SubmitAsync(page, "form.intake", Valid(email), path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            var shown = await TestClient.ParseAsync(failed);
            Assert.Contains("permohonan Anda BELUM tersimpan", shown.QuerySelector("#masalah")!.TextContent);
            Assert.Equal(email, shown.QuerySelector("input[name='f_email']")!.GetAttribute("value"));
            Assert.Equal("Saya kesulitan mengatur waktu belajar.", shown.QuerySelector("textarea[name='f_uraian']")!.TextContent);
            page = shown;
        }
        finally
        {
            await platform.SetReadOnlyAsync(campus, false);
        }
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM forms.submissions"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM sop.instances"));

        using var retried = await client.SubmitAsync(page, "form.intake", Valid(email), path);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM forms.submissions"));
        Assert.Equal(1L, await TestDatabase.ScalarAsync(campus.Database, "SELECT count(*) FROM sop.instances"));
    }

    [Fact]
    public async Task Too_many_posts_from_one_device_get_a_429_page_in_bahasa_indonesia()
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "banjir");
        await platform.SetFeatureAsync(campus, "Forms", enabled: true);
        await new SopHarness(platform, campus).InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(Permohonan, "uji"));
        using var client = platform.Client();
        var path = $"{campus.Prefix}/formulir/permohonan-uji";
        var (_, page) = await client.PageAsync(path);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 25 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            last = await client.SubmitAsync(page, "form.intake", new Dictionary<string, string> { ["f_nama"] = "" }, path);
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        var text = await last.Content.ReadAsStringAsync();
        Assert.Contains("Terlalu banyak permohonan dikirim dari perangkat ini", text);
        // Reading the form is not limited, and other campuses are not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.PageAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(FormPath, "form.intake", new Dictionary<string, string> { ["f_nama"] = "" })).StatusCode);
    }

    private Task<int> CountAsync() => _sop.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.CountAsync());
}

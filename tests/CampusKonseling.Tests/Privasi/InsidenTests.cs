using System.Globalization;
using System.Net;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Site;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Privasi;

/// <summary>
/// A personal data breach on UNIPMA's demo campus, through the register's pages: TU records it with the moment the unit
/// learnt of it, the DPO is e-mailed at once, the run on the shipped SOP PDP-INSIDEN counts the law's 3 x 24 jam from that
/// moment; the Kepala P2KLLK assesses it, makes the two letters from the campus's templates, e-mails the people concerned,
/// records the authority's letter and closes it; the history says who knew what, when.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InsidenTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Password = "Demo12345";
    private static TestTenant? _shared;
    private TestTenant _campus = null!;
    private SopHarness _in = null!;
    private string Dpo => $"ppdp@{_campus.Prefix}.test";

    public async Task InitializeAsync()
    {
        _campus = _shared ??= await platform.CreateTenantAsync("unipma", "insiden");
        _in = new SopHarness(platform, _campus);
        await _in.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<PrivasiDb>();
            if (!await db.Pejabat.AnyAsync())
            {
                db.Pejabat.Add(new PejabatRow { Nama = "Dr. Lestari Widyaningrum", Jabatan = "Pejabat PDP", Email = Dpo, DiubahPada = DateTimeOffset.UtcNow, DiubahOleh = "uji" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<TestClient> SignedInAsync(string email)
    {
        var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, email, Password);
        return client;
    }

    /// <summary>A moment as the campus's datetime-local field takes it, and the instant it means (to the minute).</summary>
    private async Task<(string Field, DateTimeOffset At)> LocalAsync(TimeSpan ago)
    {
        var zone = await _in.InCampusAsync(async sp => (await sp.GetRequiredService<CampusClock>().GetAsync()).Zone);
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero) - ago;
        return (TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), at);
    }

    private async Task<InsidenRow> RecordAsync(TestClient staff, string judul, string diketahui, string subjek)
    {
        var path = $"{_campus.Prefix}/admin/privasi/insiden";
        using var sent = await staff.SubmitAsync(path, "#form-catat", new Dictionary<string, string>
        {
            ["Judul"] = judul, ["Uraian"] = "Rekap permohonan konseling karier terkirim ke grup WhatsApp alumni yang salah.", ["Diketahui"] = diketahui, ["Subjek"] = subjek,
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return await _in.InCampusAsync(sp => sp.GetRequiredService<PrivasiDb>().Insiden.AsNoTracking().SingleAsync(i => i.Judul == judul));
    }

    private async Task<HttpResponseMessage> PostAsync(TestClient staff, InsidenRow row, string handler, Dictionary<string, string> values, string? form = null)
    {
        var path = $"{_campus.Prefix}/admin/privasi/insiden/{row.Id}";
        var (status, page) = await staff.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return await staff.SubmitAsync(page, form ?? $"form[action*='handler={handler}']", values, path);
    }

    [Fact]
    public async Task A_breach_is_recorded_assessed_notified_within_3x24_jam_of_becoming_known_and_closed_with_its_history()
    {
        using var tu = await SignedInAsync("tu@unipma.demo");
        var (diketahui, known) = await LocalAsync(TimeSpan.FromHours(10));

        // Mistakes are said beside their fields, in Indonesian, and what was typed stays.
        var (future, _) = await LocalAsync(TimeSpan.FromHours(-3));
        using (var bad = await tu.SubmitAsync($"{_campus.Prefix}/admin/privasi/insiden", "#form-catat", new Dictionary<string, string>
               {
                   ["Judul"] = "", ["Uraian"] = "Berkas rekap terbuka untuk umum.", ["Diketahui"] = future, ["Subjek"] = "alumni1@surel.test\nbukan-alamat",
               }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var page = await TestClient.ParseAsync(bad);
            Assert.Contains("Tuliskan judul singkat", page.QuerySelector("#galat-judul")!.TextContent);
            Assert.Contains("tidak boleh di masa depan", page.QuerySelector("#galat-diketahui")!.TextContent);
            Assert.Contains("Bukan alamat e-mail: bukan-alamat", page.QuerySelector("#galat-subjek")!.TextContent);
            Assert.Equal("Berkas rekap terbuka untuk umum.", page.QuerySelector("#Uraian")!.TextContent);
        }

        var row = await RecordAsync(tu, "Rekap permohonan terkirim ke grup yang salah", diketahui, "alumni1@surel.test\nalumni2@surel.test");
        Assert.Matches(@"^INS-\d{4}-\d{4}$", row.Nomor);
        Assert.Equal(known, row.DiketahuiPada);
        Assert.Equal(["alumni1@surel.test", "alumni2@surel.test"], row.SubjekEmail);

        // The DPO learns of it by e-mail with an absolute link; step 2 is due 24 h and the notification 72 h after it became known, not after recording.
        var mail = await MailDev.WaitForAsync(Dpo, where: m => m.Subject.Contains(row.Nomor));
        Assert.Matches($@"https?://\S+{_campus.Prefix}/admin/privasi/insiden/{row.Id}", mail.Text);
        var instance = row.SopInstanceId!.Value;
        var nilai = Assert.Single((await _in.InstanceAsync(instance)).Aktif);
        Assert.Equal("2", nilai.StepId);
        Assert.Equal(known.AddHours(24), nilai.JatuhTempo!.Value);

        // The counselor, who neither recorded it nor has a step on it, neither lists nor opens it.
        using (var konselor = await SignedInAsync("konselor@unipma.demo"))
        {
            var (_, list) = await konselor.PageAsync($"{_campus.Prefix}/admin/privasi/insiden");
            Assert.Null(list.QuerySelector($"tr[data-nomor='{row.Nomor}']"));
            using var denied = await konselor.GetAsync($"{_campus.Prefix}/admin/privasi/insiden/{row.Id}");
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        // The Kepala is told of the step with a link to the breach's own page, where its work is done.
        var kepalaId = await SecurityCampus.UserIdAsync(_campus, "kepala@unipma.demo");
        Assert.Equal($"admin/privasi/insiden/{row.Id}", await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT tautan FROM notifications.notifications WHERE jenis = 'sop-tugas' AND user_id = '{kepalaId}' AND isi LIKE '%{row.Nomor}%' LIMIT 1"));

        // The Kepala assesses it: proven needs what the letters will say.
        using var kepala = await SignedInAsync("kepala@unipma.demo");
        var (_, mine) = await kepala.PageAsync($"{_campus.Prefix}/admin/privasi/insiden");
        Assert.Contains("giliran Anda", mine.QuerySelector($"tr[data-nomor='{row.Nomor}']")!.TextContent);
        using (var missing = await PostAsync(kepala, row, "Nilai", new() { ["Terbukti"] = "ya", ["JumlahSubjek"] = "2" }))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("Tuliskan data pribadi apa yang terungkap", (await TestClient.ParseAsync(missing)).QuerySelector("[data-langkah='2'] [role=alert]")!.TextContent);
        }
        using (var assessed = await PostAsync(kepala, row, "Nilai", new()
               {
                   ["Terbukti"] = "ya", ["DataTerungkap"] = "Nama, NIM, nomor HP, dan topik permohonan konseling karier", ["CaraTerungkap"] = "Rekap dikirim ke grup WhatsApp yang salah oleh petugas",
                   ["JumlahSubjek"] = "2", ["Spesifik"] = "true", ["Penanganan"] = "Pesan ditarik dari grup; anggota grup diminta menghapus; pengiriman rekap lewat grup dihentikan",
               }))
            Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);

        // Proven: the SOP's decision goes on to notification, due 3 x 24 jam after it became known.
        var beritahu = Assert.Single((await _in.InstanceAsync(instance)).Aktif);
        Assert.Equal("4", beritahu.StepId);
        Assert.Equal(known.AddHours(72), beritahu.JatuhTempo!.Value);

        // Not before the letters; then both letters from the campus's templates, filled from the assessment, the DPO and the signer.
        var (lembagaPada, _) = await LocalAsync(TimeSpan.FromMinutes(30));
        var notify = new Dictionary<string, string> { ["Subjek"] = $"{_campus.Prefix}-1@surel.test\n{_campus.Prefix}-2@surel.test\n{_campus.Prefix}-3@surel.test", ["LembagaPada"] = lembagaPada, ["LembagaMelalui"] = "e-mail pengaduan lembaga" };
        using (var early = await PostAsync(kepala, row, "Beritahu", notify))
            Assert.Contains("Buat dulu kedua surat pemberitahuan", (await TestClient.ParseAsync(early)).QuerySelector("[data-langkah='4'] [role=alert]")!.TextContent);
        foreach (var templat in new[] { "pemberitahuan-insiden-subjek", "pemberitahuan-insiden-lembaga" })
            using (var made = await PostAsync(kepala, row, "Surat", new(), $"[data-templat='{templat}'] form"))
                Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, detail) = await kepala.PageAsync($"{_campus.Prefix}/admin/privasi/insiden/{row.Id}");
        var link = detail.QuerySelector("[data-surat='pemberitahuan-insiden-lembaga'] a")!.GetAttribute("href")!;
        using (var pdf = await kepala.GetAsync(link))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            var text = PopplerText.Of(await pdf.Content.ReadAsByteArrayAsync());
            foreach (var expected in new[] { "Lembaga Pelindungan Data Pribadi", row.Nomor, "Nama, NIM, nomor HP", "Rekap dikirim ke grup WhatsApp", "Pesan ditarik dari grup", "Dr. Lestari Widyaningrum", "Dr. Endah Purwaningsih" })
                Assert.Contains(expected, text);
            Assert.DoesNotContain("…", text);
        }

        // Two clicks at once (or two colleagues of the lane): the people concerned are mailed once.
        var detailPath = $"{_campus.Prefix}/admin/privasi/insiden/{row.Id}";
        var (_, first) = await kepala.PageAsync(detailPath);
        var (_, second) = await kepala.PageAsync(detailPath);
        var both = await Task.WhenAll(
            kepala.SubmitAsync(first, "form[action*='handler=Beritahu']", notify, detailPath),
            kepala.SubmitAsync(second, "form[action*='handler=Beritahu']", notify, detailPath));
        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var r in both) r.Dispose();
        Assert.Equal(1L, (long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.outbox WHERE penerima = '{_campus.Prefix}-1@surel.test' AND judul LIKE '%Pemberitahuan kegagalan%'"))!);
        foreach (var to in new[] { $"{_campus.Prefix}-1@surel.test", $"{_campus.Prefix}-2@surel.test", $"{_campus.Prefix}-3@surel.test" })
        {
            var notice = await MailDev.WaitForAsync(to, where: m => m.Subject.Contains("Pemberitahuan kegagalan pelindungan data pribadi"));
            Assert.Contains("Nama, NIM, nomor HP", notice.Text);
            Assert.Contains("Pesan ditarik dari grup", notice.Text);
            Assert.Matches($@"https?://\S+{_campus.Prefix}/data-pribadi-saya", notice.Text);
        }

        // Closure ends the run; the register and the history say who knew what, when; the audit trail has every step.
        Assert.Equal("5", Assert.Single((await _in.InstanceAsync(instance)).Aktif).StepId);
        using (var closed = await PostAsync(kepala, row, "Tutup", new() { ["Penutupan"] = "Petugas diberi pembinaan; rekap kini hanya dibagikan lewat platform." }))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Empty((await _in.InstanceAsync(instance)).Aktif);
        var (_, tuView) = await tu.PageAsync($"{_campus.Prefix}/admin/privasi/insiden/{row.Id}");
        var history = tuView.QuerySelectorAll("[data-peristiwa]").Select(e => e.GetAttribute("data-peristiwa")).ToList();
        Assert.Equal(["dicatat", "pejabat-diberitahu", "dinilai", "surat", "surat", "subjek-diberitahu", "lembaga-diberitahu", "ditutup"], history);
        Assert.Contains("3 subjek data diberi tahu", tuView.QuerySelector("[data-peristiwa='subjek-diberitahu']")!.TextContent);
        Assert.Contains("Sri Wahyuningsih", tuView.QuerySelector("[data-peristiwa='dicatat']")!.TextContent);
        Assert.Contains("Dr. Endah Purwaningsih", tuView.QuerySelector("[data-peristiwa='dinilai']")!.TextContent);
        Assert.Contains("diberitahukan", tuView.QuerySelector("[data-batas]")!.TextContent);
        Assert.True((long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM audit.entries WHERE subjek_jenis = 'privasi-insiden' AND subjek_id = '{row.Id}'"))! >= 4);
    }

    [Fact]
    public async Task A_breach_not_proven_goes_to_closure_and_an_overdue_assessment_escalates()
    {
        using var tu = await SignedInAsync("tu@unipma.demo");
        var (diketahui, known) = await LocalAsync(TimeSpan.FromHours(30));
        var row = await RecordAsync(tu, "Laptop petugas sempat hilang", diketahui, "");
        var instance = row.SopInstanceId!.Value;
        var nilai = Assert.Single((await _in.InstanceAsync(instance)).Aktif);
        // Known 30 hours ago: the assessment was due 6 hours ago; the register says the notification is due in 42 hours.
        Assert.Equal(known.AddHours(24), nilai.JatuhTempo!.Value);
        await _in.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<SopRuntime>().OnTimerAsync(SlaKind.JatuhTempo, instance, nilai.ActivationId, default);
            return 0;
        });
        var kepalaId = await SecurityCampus.UserIdAsync(_campus, "kepala@unipma.demo");
        Assert.True((long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.notifications WHERE jenis = 'sop-terlambat' AND user_id = '{kepalaId}' AND isi LIKE '%{row.Nomor}%'"))! > 0);

        using var kepala = await SignedInAsync("kepala@unipma.demo");
        using (var assessed = await PostAsync(kepala, row, "Nilai", new() { ["Terbukti"] = "tidak", ["Risiko"] = "Laptop ditemukan di ruang rapat, terkunci dan terenkripsi." }))
            Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        Assert.Equal("5", Assert.Single((await _in.InstanceAsync(instance)).Aktif).StepId);
        using (var empty = await PostAsync(kepala, row, "Tutup", new()))
            Assert.Contains("Tuliskan penanganan", (await TestClient.ParseAsync(empty)).QuerySelector("[data-langkah='5'] [role=alert]")!.TextContent);
        using (var closed = await PostAsync(kepala, row, "Tutup", new() { ["Penutupan"] = "Tidak terbukti; laptop ditemukan." })) Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, list) = await tu.PageAsync($"{_campus.Prefix}/admin/privasi/insiden");
        Assert.Contains("tidak terbukti", list.QuerySelector($"tr[data-nomor='{row.Nomor}']")!.TextContent);
        Assert.Empty((await _in.InstanceAsync(instance)).Aktif);
    }
}

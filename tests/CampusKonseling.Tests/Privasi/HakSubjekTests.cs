using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Privasi;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Programs;
using CampusKonseling.Tests.Security;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Privasi;

/// <summary>
/// A data subject's request for access on UNIPMA's demo campus, through the pages its actors use: the alumnus asks on
/// "Data pribadi saya", the request runs on the shipped SOP PDP-HAK (3 x 24 jam from receipt), TU verifies, the counselor
/// gives or withholds the counseling notes, TU answers, the alumnus downloads the copy. The copy holds their data and nothing
/// of another alumnus who has the same name; the notes only when the counselor gave them; an overdue request escalates.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HakSubjekTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Password = "Demo12345", Nama = "Rizky Aditya Pratama", Alumni = "alumni@unipma.demo", Lain = "rizky.lain@surel.test";
    private const string Form = "permohonan-konseling-karier";
    private static TestTenant? _shared;
    private TestTenant _campus = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _campus = _shared ??= await platform.CreateTenantAsync("unipma", "hak");
        _in = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<TestClient> SignedInAsync(string email)
    {
        var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, email, Password);
        return client;
    }

    private static Dictionary<string, string> Answers(string email, string nim, string topik) => new()
    {
        ["f_nama"] = Nama, ["f_status"] = "Alumni", ["f_tahun-lulus"] = "2024", ["f_nim"] = nim, ["f_prodi"] = "Pendidikan Matematika",
        ["f_email"] = email, ["f_hp"] = "081234567890", ["f_topik"] = topik, ["f_saluran"] = "Tatap muka", ["f_setuju"] = "setuju",
    };

    /// <summary>Sends the career counseling form and writes a counseling note on the case it opened; returns the case.</summary>
    private async Task<CaseRow> RequestWithNoteAsync(TestClient client, string email, string nim, string note)
    {
        using var sent = await client.SubmitAsync($"{_campus.Prefix}/formulir/{Form}", "form.intake", Answers(email, nim, "Bingung memilih karier."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var kode = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var konselor = await SecurityCampus.UserIdAsync(_campus, "konselor@unipma.demo");
        return await _in.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var c = await db.Cases.SingleAsync(x => x.KodePelacakan == kode);
            // Counseled by the counselor who reviews the request: notes are given of the cases the reviewer counsels.
            (c.KonselorId, c.KonselorNama) = (konselor, "Agus Setiawan, M.Pd., Kons.");
            db.Entries.Add(new CaseEntry
            {
                CaseId = c.Id, Jenis = JenisCatatan.Sesi, Tingkat = Tingkat.Konseling, Isi = sp.GetRequiredService<CounselingProtector>().Protect(note),
                Terenkripsi = true, OlehId = "uji", OlehNama = "Agus Setiawan", Pada = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return c;
        });
    }

    private async Task<PermintaanRow> AskAsync(TestClient subject, string jenis = JenisHak.Akses, string? uraian = null)
    {
        var before = DateTimeOffset.UtcNow;
        var values = new Dictionary<string, string> { ["Jenis"] = jenis };
        if (uraian is not null) values["Uraian"] = uraian;
        using var asked = await subject.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "form[method=post]", values);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return await _in.InCampusAsync(sp => sp.GetRequiredService<PrivasiDb>().Permintaan.AsNoTracking()
            .Where(p => p.Email == Alumni && p.DiajukanPada >= before.AddSeconds(-1)).OrderByDescending(p => p.DiajukanPada).FirstAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(TestClient staff, PermintaanRow row, string handler, Dictionary<string, string> values)
    {
        var path = $"{_campus.Prefix}/admin/privasi/permintaan/{row.Id}";
        var (status, page) = await staff.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return await staff.SubmitAsync(page, $"form[action*='handler={handler}']", values, path);
    }

    [Fact]
    public async Task An_access_request_runs_its_sop_in_3x24_jam_and_the_copy_holds_only_the_requesters_data_with_notes_the_counselor_gave()
    {
        using var alumni = await SignedInAsync(Alumni);
        var mine = await RequestWithNoteAsync(alumni, Alumni, "1234567890", "Sesi 1: klien menimbang dua tawaran kerja.");
        using (var stranger = platform.Client())
            await RequestWithNoteAsync(stranger, Lain, "9876543210", "Sesi 1: klien lain dengan nama sama, rahasianya sendiri.");

        var row = await AskAsync(alumni);
        Assert.Equal(row.DiajukanPada.AddHours(72), row.JatuhTempo);
        var (_, page) = await alumni.PageAsync($"{_campus.Prefix}/data-pribadi-saya");
        Assert.Contains("Dijawab paling lambat", page.QuerySelector($"[data-nomor='{row.Nomor}']")!.TextContent);
        // Nothing to download before the unit answers.
        using (var early = await alumni.GetAsync($"{_campus.Prefix}/data-pribadi-saya?handler=Unduh&id={row.Id}&format=json"))
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        // Step 2 (TU) is due a day after receipt; the student cannot work it; TU sees it as theirs and marks it done.
        var instance = row.SopInstanceId!.Value;
        var verify = Assert.Single((await _in.InstanceAsync(instance)).Aktif);
        Assert.Equal("2", verify.StepId);
        Assert.Equal(row.DiajukanPada.AddHours(24), verify.JatuhTempo!.Value, TimeSpan.FromSeconds(5));
        using (var denied = await alumni.GetAsync($"{_campus.Prefix}/admin/privasi/permintaan/{row.Id}"))
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        using var tu = await SignedInAsync("tu@unipma.demo");
        var (_, list) = await tu.PageAsync($"{_campus.Prefix}/admin/privasi/permintaan");
        Assert.Contains("giliran Anda", list.QuerySelector($"tr[data-nomor='{row.Nomor}']")!.TextContent);
        using (var done = await PostAsync(tu, row, "Langkah", new() { ["step"] = "2" })) Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The counselor's review: TU, whose step is done, no longer opens the request; withholding needs a reason (said in Indonesian, nothing saved).
        using (var notTu = await tu.GetAsync($"{_campus.Prefix}/admin/privasi/permintaan/{row.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, notTu.StatusCode);
        using var konselor = await SignedInAsync("konselor@unipma.demo");
        using (var noReason = await PostAsync(konselor, row, "Telaah", new() { ["Keputusan"] = Telaah.Ditahan }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Tuliskan alasan menahan catatan konseling", (await TestClient.ParseAsync(noReason)).QuerySelector("[role=alert]")!.TextContent);
        }
        Assert.Equal("3", Assert.Single((await _in.InstanceAsync(instance)).Aktif).StepId);
        using (var given = await PostAsync(konselor, row, "Telaah", new() { ["Keputusan"] = Telaah.Disertakan })) Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);

        // The answer is due 3 x 24 jam after receipt, whatever the earlier steps took; TU answers.
        var answer = Assert.Single((await _in.InstanceAsync(instance)).Aktif);
        Assert.Equal("4", answer.StepId);
        Assert.Equal(row.DiajukanPada.AddHours(72), answer.JatuhTempo!.Value, TimeSpan.FromSeconds(5));
        using (var sent = await PostAsync(tu, row, "Jawab", new() { ["Jawaban"] = "Salinan data Anda tersedia." })) Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(InstanceStatus.Selesai, (await _in.InstanceAsync(instance)).Status);

        using var json = await alumni.GetAsync($"{_campus.Prefix}/data-pribadi-saya?handler=Unduh&id={row.Id}&format=json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var text = await json.Content.ReadAsStringAsync();
        using var copy = JsonDocument.Parse(text);
        var data = copy.RootElement.GetProperty("data");
        Assert.Equal(mine.Nomor, Assert.Single(data.GetProperty("kasus").GetProperty("baris").EnumerateArray()).GetProperty("Nomor").GetString());
        Assert.Single(data.GetProperty("permohonan").GetProperty("baris").EnumerateArray());
        Assert.Single(data.GetProperty("persetujuan").GetProperty("baris").EnumerateArray());
        Assert.Contains("klien menimbang dua tawaran kerja", text);
        Assert.Equal("disertakan", copy.RootElement.GetProperty("catatanKonseling").GetString());
        // Nothing of the other Rizky: not their address, NIM, case or note.
        Assert.DoesNotContain(Lain, text);
        Assert.DoesNotContain("9876543210", text);
        Assert.DoesNotContain("rahasianya sendiri", text);

        using var pdf = await alumni.GetAsync($"{_campus.Prefix}/data-pribadi-saya?handler=Unduh&id={row.Id}&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        // Another person signed in cannot fetch it.
        using var other = await SignedInAsync("mahasiswa@unipma.demo");
        using (var theirs = await other.GetAsync($"{_campus.Prefix}/data-pribadi-saya?handler=Unduh&id={row.Id}&format=json"))
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        // The subject was told, in the app and by e-mail.
        var alumniId = await SecurityCampus.UserIdAsync(_campus, Alumni);
        Assert.True((long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.notifications WHERE jenis = 'privasi-jawaban' AND user_id = '{alumniId}'"))! > 0);
    }

    [Fact]
    public async Task Notes_the_counselor_withholds_stay_out_of_the_copy_and_the_reason_is_given()
    {
        using var alumni = await SignedInAsync(Alumni);
        await RequestWithNoteAsync(alumni, Alumni, "1234567890", "Catatan yang ditahan: menyebut pihak ketiga.");
        var row = await AskAsync(alumni);
        using var tu = await SignedInAsync("tu@unipma.demo");
        using (await PostAsync(tu, row, "Langkah", new() { ["step"] = "2" })) { }
        // A step with work cannot be ticked on the SOP page instead: the review is the step's evidence.
        var konselorActor = await _in.ActorAsync("Konselor");
        Assert.False((await _in.CompleteAsync(row.SopInstanceId!.Value, new CompleteStep("3"), konselorActor)).Succeeded);
        using var konselor = await SignedInAsync("konselor@unipma.demo");
        using (var withheld = await PostAsync(konselor, row, "Telaah", new() { ["Keputusan"] = Telaah.Ditahan, ["Alasan"] = "Memuat keterangan pihak ketiga." }))
            Assert.Equal(HttpStatusCode.Redirect, withheld.StatusCode);
        using (await PostAsync(tu, row, "Jawab", new() { ["Jawaban"] = "Salinan tersedia; catatan konseling ditahan." })) { }

        var text = await (await alumni.GetAsync($"{_campus.Prefix}/data-pribadi-saya?handler=Unduh&id={row.Id}&format=json")).Content.ReadAsStringAsync();
        using var copy = JsonDocument.Parse(text);
        Assert.Equal("ditahan", copy.RootElement.GetProperty("catatanKonseling").GetString());
        Assert.Equal("Memuat keterangan pihak ketiga.", copy.RootElement.GetProperty("alasanDitahan").GetString());
        Assert.False(copy.RootElement.GetProperty("data").TryGetProperty("catatan", out _));
        Assert.DoesNotContain("menyebut pihak ketiga", text);
        Assert.DoesNotContain("tawaran kerja", text);
        var (_, page) = await alumni.PageAsync($"{_campus.Prefix}/data-pribadi-saya");
        Assert.Contains("Memuat keterangan pihak ketiga.", page.QuerySelector($"[data-nomor='{row.Nomor}']")!.TextContent);
    }

    [Fact]
    public async Task An_overdue_request_escalates_to_the_unit_head_and_bad_requests_are_refused_in_indonesian()
    {
        using var alumni = await SignedInAsync(Alumni);
        using (var empty = await alumni.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "form[method=post]", new Dictionary<string, string> { ["Jenis"] = JenisHak.Perbaikan }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Tuliskan data mana yang salah", (await TestClient.ParseAsync(empty)).QuerySelector("#galat-permintaan")!.TextContent);
        }
        var row = await AskAsync(alumni, JenisHak.Perbaikan, "Tahun lulus saya 2023, bukan 2024.");
        // The same kind again while it runs: refused, naming the request that runs.
        using (var twice = await alumni.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "form[method=post]",
                   new Dictionary<string, string> { ["Jenis"] = JenisHak.Perbaikan, ["Uraian"] = "Tahun lulus saya 2023, bukan 2024." }))
            Assert.Contains($"Permintaan {row.Nomor} dengan jenis yang sama masih diproses", (await TestClient.ParseAsync(twice)).QuerySelector("#galat-permintaan")!.TextContent);
        var open = Assert.Single((await _in.InstanceAsync(row.SopInstanceId!.Value)).Aktif);
        await _in.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<SopRuntime>().OnTimerAsync(SlaKind.JatuhTempo, row.SopInstanceId!.Value, open.ActivationId, default);
            return 0;
        });
        var kepala = await SecurityCampus.UserIdAsync(_campus, "kepala@unipma.demo");
        Assert.True((long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.notifications WHERE jenis = 'sop-terlambat' AND user_id = '{kepala}'"))! > 0);
    }

    /// <summary>Runs a request through its steps as TU and the counselor do, and returns the answer the subject reads.</summary>
    private async Task<string> AnswerAsync(PermintaanRow row)
    {
        using var tu = await SignedInAsync("tu@unipma.demo");
        using (var verified = await PostAsync(tu, row, "Langkah", new() { ["step"] = "2" })) Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        using (var konselor = await SignedInAsync("konselor@unipma.demo"))
        using (var reviewed = await PostAsync(konselor, row, "Telaah", new() { ["Keputusan"] = Telaah.Disertakan })) Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        using (var answered = await PostAsync(tu, row, "Jawab", new() { ["Jawaban"] = "Permintaan Anda sudah kami laksanakan." })) Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        return (await _in.InCampusAsync(sp => sp.GetRequiredService<PrivasiDb>().Permintaan.AsNoTracking().SingleAsync(p => p.Id == row.Id))).Jawaban!;
    }

    [Fact]
    public async Task Withdrawing_consent_stops_programme_mail_and_erasure_keeps_a_case_under_retention_restricted()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var programmes = new ProgramCampus(_campus, _in, admin);
        var program = await programmes.NewProgramAsync(judul: "Workshop Karier Alumni");
        await programmes.RegisteredAsync(platform, program, Nama, Alumni);
        var other = await programmes.RegisteredAsync(platform, program, "Lina", $"lina.{Guid.NewGuid():N}@mhs.test");

        // The DPO's consent ledger: the registration is in force; the other participant is not the alumnus's.
        var ledger = $"{_campus.Prefix}/admin/privasi/persetujuan";
        async Task<AngleSharp.Dom.IDocument> LedgerAsync(string email) =>
            await TestClient.ParseAsync(await admin.SubmitAsync(ledger, "#form-persetujuan", new Dictionary<string, string> { ["Email"] = email }));
        var before = await LedgerAsync(Alumni);
        var registration = before.QuerySelector($"tr[data-kunci='program:{program}']")!;
        Assert.Contains("berlaku", registration.QuerySelector("[data-status]")!.TextContent);
        Assert.Null(before.QuerySelector($"tr[data-rujukan='{other.Kode}']"));

        using var alumni = await SignedInAsync(Alumni);
        var withdrawal = await AskAsync(alumni, JenisHak.Penarikan, "Saya menarik persetujuan untuk Workshop Karier Alumni.");
        Assert.Contains("tidak ada lagi e-mail program kepada Anda", await AnswerAsync(withdrawal));

        // The schedule moves: the other participant is told, the alumnus who withdrew is not.
        var path = $"{_campus.Prefix}/admin/program/{program}/ubah";
        var (_, form) = await admin.PageAsync(path);
        using (var moved = await admin.SubmitAsync(form, "form.edit-program", new Dictionary<string, string> { ["Sesi[0].Mulai"] = "13:00", ["Sesi[0].Selesai"] = "15:30" }, path))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await MailDev.WaitForAsync(other.Email, where: m => m.Subject.Contains("Perubahan jadwal"));
        Assert.Equal(0L, (long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.outbox WHERE penerima = '{Alumni}' AND judul LIKE 'Perubahan jadwal%'"))!);

        // Erasure: the counseling case is kept for its retention, restricted, and says so to the staff working it.
        var kasus = await RequestWithNoteAsync(alumni, Alumni, "1234567890", "Catatan sesi yang wajib disimpan.");
        var erasure = await AskAsync(alumni, JenisHak.Penghapusan);
        var answer = await AnswerAsync(erasure);
        Assert.Contains($"Kasus {kasus.Nomor} wajib disimpan selama masa retensi", answer);
        Assert.Contains("tidak dimusnahkan", answer);
        var kept = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.Id == kasus.Id));
        Assert.NotNull(kept.DibatasiPada);
        Assert.True(await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Entries.AnyAsync(e => e.CaseId == kasus.Id)));
        Assert.Equal(0L, (long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM forms.consents c JOIN forms.submissions s ON s.id = c.submission_id WHERE s.email = '{Alumni}' AND c.ditarik_pada IS NULL"))!);
        using var konselor = await SignedInAsync("konselor@unipma.demo");
        var (_, casePage) = await konselor.PageAsync($"{_campus.Prefix}/admin/kasus/{kasus.Id}");
        Assert.Contains("Pemrosesan dibatasi atas permintaan klien", casePage.QuerySelector("[data-dibatasi]")!.TextContent);
        var (_, mine) = await alumni.PageAsync($"{_campus.Prefix}/data-pribadi-saya");
        Assert.Contains("tidak dimusnahkan", mine.QuerySelector($"[data-nomor='{erasure.Nomor}'] [data-jawaban]")!.TextContent);

        // The ledger now shows every consent withdrawn, the form's with its version and retention; the look is audited.
        var after = await LedgerAsync(Alumni);
        var rows = after.QuerySelectorAll("tr[data-kunci]").ToList();
        Assert.Contains(rows, r => r.GetAttribute("data-kunci") == "formulir:" + Form && r.GetAttribute("data-rujukan") == kasus.KodePelacakan);
        Assert.All(rows, r => Assert.StartsWith("ditarik", r.QuerySelector("[data-status]")!.TextContent.Trim()));
        Assert.Contains("0 ditarik", before.QuerySelector("[data-ringkas]")!.TextContent);
        Assert.True(await SecurityCampus.AuditCountAsync(_campus, $"subjek_jenis = 'privasi-persetujuan' AND subjek_id = '{Alumni}'") >= 2);
        Assert.Contains("Tuliskan satu alamat e-mail", (await LedgerAsync("bukan alamat")).QuerySelector("#galat-email")!.TextContent);
        using (var denied = await konselor.GetAsync(ledger)) Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    [Fact]
    public async Task Someone_without_an_account_proves_their_address_by_a_link_and_gets_the_copy_of_what_carries_only_that_address()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var programmes = new ProgramCampus(_campus, _in, admin);
        var program = await programmes.NewProgramAsync(judul: "Workshop Menulis CV");
        var tamu = $"tamu.{Guid.NewGuid():N}@surel.test";
        await programmes.RegisteredAsync(platform, program, Nama, tamu);
        var lain = $"lain.{Guid.NewGuid():N}@surel.test";
        await programmes.RegisteredAsync(platform, program, Nama, lain);

        // Not signed in: the page offers a link to the address instead of a sign-in wall; a bad address is said beside the field.
        using var anonymous = platform.Client();
        using (var bad = await anonymous.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "#form-tautan", new Dictionary<string, string> { ["Email"] = "bukan alamat" }))
            Assert.Contains("Tuliskan alamat e-mail yang Anda pakai", (await TestClient.ParseAsync(bad)).QuerySelector("#galat-surel")!.TextContent);
        using (var sent = await anonymous.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "#form-tautan", new Dictionary<string, string> { ["Email"] = tamu }))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var path = LinkIn((await MailDev.WaitForAsync(tamu, where: m => m.Subject.Contains("Tautan untuk permintaan data pribadi"))).Text);

        // Opening the link proves the address into this browser and takes the token out of the address bar.
        var home = $"{_campus.Prefix}/data-pribadi-saya/surel";
        using var visitor = platform.Client();
        await OpenAsync(visitor, path);
        using (var asked = await visitor.SubmitAsync(home, "form.form-permintaan", new Dictionary<string, string> { ["Jenis"] = JenisHak.Akses }))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var row = await _in.InCampusAsync(sp => sp.GetRequiredService<PrivasiDb>().Permintaan.AsNoTracking().SingleAsync(p => p.Email == tamu));
        Assert.Null(row.PenggunaId);
        var (_, page) = await visitor.PageAsync(home);
        Assert.Contains("Dijawab paling lambat", page.QuerySelector($"[data-nomor='{row.Nomor}']")!.TextContent);

        // The answer comes to the address with a fresh link (another device works too); the copy holds that address's registration only.
        await AnswerAsync(row);
        var answered = LinkIn((await MailDev.WaitForAsync(tamu, where: m => m.Subject.Contains($"Permintaan {row.Nomor} sudah dijawab"))).Text);
        using var phone = platform.Client();
        await OpenAsync(phone, answered);
        var (_, done) = await phone.PageAsync(home);
        var json = done.QuerySelector($"[data-nomor='{row.Nomor}'] a[data-unduh='json']")!.GetAttribute("href")!;
        using (var copy = await phone.GetAsync(json))
        {
            var text = await copy.Content.ReadAsStringAsync();
            Assert.Contains(tamu, text);
            Assert.Contains("Workshop Menulis CV", text);
            Assert.DoesNotContain("lain.", text);
            Assert.DoesNotContain(Alumni, text);
        }

        // Another proven address does not reach it, nor does a browser without proof; a link that is not one opens nothing.
        using (var other = await anonymous.SubmitAsync($"{_campus.Prefix}/data-pribadi-saya", "#form-tautan", new Dictionary<string, string> { ["Email"] = lain }))
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        using var stranger = platform.Client();
        await OpenAsync(stranger, LinkIn((await MailDev.WaitForAsync(lain, where: m => m.Subject.Contains("Tautan untuk permintaan data pribadi"))).Text));
        using (var foreign = await stranger.GetAsync(json)) Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using (var unproven = await platform.Client().GetAsync(json)) Assert.Equal(HttpStatusCode.NotFound, unproven.StatusCode);
        var (_, wrong) = await platform.Client().PageAsync($"{_campus.Prefix}/data-pribadi-saya/surel/bukan-token");
        Assert.NotNull(wrong.QuerySelector("#tautan-tidak-berlaku"));
    }

    /// <summary>Opens an e-mailed link: it answers with a redirect to the page without the token.</summary>
    private static async Task OpenAsync(TestClient browser, string link)
    {
        using var opened = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith("/data-pribadi-saya/surel", opened.Headers.Location!.OriginalString);
    }

    /// <summary>The path of the personal data link in a mail ("/{campus}/data-pribadi-saya/surel/{token}").</summary>
    private static string LinkIn(string mail) => new Uri(Regex.Match(mail, @"https?://\S+/data-pribadi-saya/surel/[A-Za-z0-9_-]+").Value).AbsolutePath.TrimStart('/');
}

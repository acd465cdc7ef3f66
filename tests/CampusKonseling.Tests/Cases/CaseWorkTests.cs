using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>Requests become cases in the right staff inbox; counseling notes are sealed from everyone but the case's counselor.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseWorkTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Staf = "Staf Konseling & Asesmen", DosenPa = "Dosen Pembimbing Akademik", UnitTerkait = "Unit Kerja Terkait";
    private IntakeCampus _site = null!;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, "kasus");

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private async Task<CaseRow> SubmitAsync(string uraian = "Saya kesulitan mengatur waktu belajar dan bekerja.", string? email = null)
    {
        using var client = platform.Client();
        var values = IntakeTests.Valid(email ?? $"klien.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_uraian"] = uraian;
        using var sent = await client.SubmitAsync($"{_site.Campus.Prefix}/formulir/permohonan-uji", "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        return await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.KodePelacakan == code));
    }

    private async Task<TestClient> SignInAsync(string role)
    {
        var client = platform.Client();
        await client.SignInAsync(_site.Campus.Prefix, await _site.In.EmailOfAsync(role), "Demo12345");
        return client;
    }

    private async Task<string> CasePageAsync(TestClient client, CaseRow c)
    {
        var (status, page) = await client.PageAsync($"{_site.Campus.Prefix}/admin/kasus/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.DocumentElement.OuterHtml;
    }

    [Fact]
    public async Task A_request_becomes_a_case_in_the_inbox_of_the_role_at_its_step_and_nowhere_else()
    {
        var c = await SubmitAsync();
        Assert.Matches(@"^KS-\d{4}-\d{6}$", c.Nomor);
        Assert.Equal((CaseStatus.Baru, "Dewi Lestari", "2021001234"), (c.Status, c.Nama, c.Nim));
        Assert.Contains(Staf, c.PeranAktif);
        Assert.StartsWith("1 ", c.LangkahAktif);

        using var staf = await SignInAsync(Staf);
        var (_, inbox) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        Assert.Contains("Layanan Konseling Mahasiswa Inisiatif Sendiri", inbox.QuerySelector(".sop-counts")!.TextContent);
        var (_, atStep) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Langkah=menyampaikan");
        Assert.NotNull(atStep.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        var (_, otherStep) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Langkah=mengidentifikasi");
        Assert.Null(otherStep.QuerySelector($"tr[data-kasus='{c.Nomor}']"));

        using var unit = await SignInAsync(UnitTerkait);
        var (_, other) = await unit.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.Null(other.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
    }

    [Fact]
    public async Task Counseling_notes_are_encrypted_and_read_only_by_the_assigned_counselor()
    {
        const string secret = "Klien mengungkapkan pikiran menyakiti diri sejak semester lalu";
        var c = await SubmitAsync("Saya merasa sangat tertekan dan sulit tidur setiap malam.");
        var staffId = await _site.In.InCampusAsync(async sp => (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(await _site.In.EmailOfAsync(Staf)))!.Id);

        // The campus admin assigns the counselor, but is not a counselor: no counseling text for them.
        var (_, adminPage) = await _site.Admin.PageAsync($"{_site.Campus.Prefix}/admin/kasus/{c.Id}");
        using var assigned = await _site.Admin.SubmitAsync(adminPage, "form.assign", new Dictionary<string, string> { ["KonselorId"] = staffId }, $"{_site.Campus.Prefix}/admin/kasus/{c.Id}?handler=Tugaskan");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        using var counselor = await SignInAsync(Staf);
        var (_, page) = await counselor.PageAsync($"{_site.Campus.Prefix}/admin/kasus/{c.Id}");
        Assert.Contains("Saya merasa sangat tertekan", page.QuerySelector(".entries")!.TextContent);
        using var wrote = await counselor.SubmitAsync(page, "form.note", new Dictionary<string, string> { ["Jenis"] = "sesi", ["Tingkat"] = "konseling", ["Isi"] = secret }, $"{_site.Campus.Prefix}/admin/kasus/{c.Id}?handler=Catatan");
        Assert.Equal(HttpStatusCode.Redirect, wrote.StatusCode);
        Assert.Contains(secret, await CasePageAsync(counselor, c));

        // Not readable in the database, neither the note nor the client's own account (which the form's answers no longer hold).
        var stored = await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT string_agg(isi, ' ') FROM kasus.entries");
        Assert.DoesNotContain("menyakiti", (string)stored!);
        Assert.DoesNotContain("tertekan", (string)stored!);
        var answers = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT jawaban::text FROM forms.submissions WHERE kode_pelacakan = '{c.KodePelacakan}'");
        Assert.DoesNotContain("tertekan", (string)answers!);

        foreach (var reader in new[] { _site.Admin, await SignInAsync(DosenPa) })
        {
            var html = await CasePageAsync(reader, c);
            Assert.DoesNotContain("menyakiti", html);
            Assert.DoesNotContain("tertekan", html);
            Assert.Contains("hanya untuk konselor kasus ini", html);
            var (_, list) = await reader.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Semua=true");
            Assert.DoesNotContain("tertekan", list.DocumentElement.OuterHtml);
        }
        // A reader without access cannot write into the counseling tier either.
        using var dosen = await SignInAsync(DosenPa);
        var (_, dosenPage) = await dosen.PageAsync($"{_site.Campus.Prefix}/admin/kasus/{c.Id}");
        using var refused = await dosen.PostWithTokenAsync(dosenPage, $"{_site.Campus.Prefix}/admin/kasus/{c.Id}?handler=Catatan", new Dictionary<string, string> { ["Jenis"] = "catatan", ["Tingkat"] = "konseling", ["Isi"] = "coba" });
        Assert.Equal("Catatan konseling hanya dapat ditulis oleh konselor kasus ini.", (await TestClient.ParseAsync(refused)).QuerySelector(".note .field-error")!.TextContent);
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_opens_the_notes_for_its_holder_and_tells_the_unit_heads()
    {
        var c = await SubmitAsync("Saya merasa sangat tertekan dan sulit tidur setiap malam.");
        await _site.In.InCampusAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<CampusRole>>();
            await roles.AddClaimAsync((await roles.FindByNameAsync(DosenPa))!, new System.Security.Claims.Claim(IdentityDb.PermissionClaim, "BreakGlass"));
            sp.GetRequiredService<CampusKonseling.Identity.Security.PermissionService>().Invalidate();
            return 0;
        });
        using var dosen = await SignInAsync(DosenPa);
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        var (_, page) = await dosen.PageAsync(path);
        using var tooShort = await dosen.SubmitAsync(page, "form.break-glass", new Dictionary<string, string> { ["Alasan"] = "darurat" }, $"{path}?handler=Darurat");
        Assert.StartsWith("Tuliskan alasan", (await TestClient.ParseAsync(tooShort)).QuerySelector(".break-glass .field-error")!.TextContent);
        Assert.DoesNotContain("tertekan", await CasePageAsync(dosen, c));

        using var opened = await dosen.SubmitAsync(page, "form.break-glass", new Dictionary<string, string> { ["Alasan"] = "Orang tua klien melapor klien tidak dapat dihubungi sejak kemarin." }, $"{path}?handler=Darurat");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("tertekan", await CasePageAsync(dosen, c));

        var headEmail = await _site.In.EmailOfAsync(Staf);
        var notice = await _site.In.InCampusAsync(async sp =>
        {
            var head = (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(headEmail))!;
            return await sp.GetRequiredService<NotificationsDb>().Items.AsNoTracking().SingleAsync(n => n.UserId == head.Id && n.Jenis == "kasus-buka-darurat");
        });
        Assert.Contains(c.Nomor, notice.Judul);
        Assert.Contains("tidak dapat dihubungi", notice.Isi);
        var mail = await MailDev.WaitForAsync(headEmail, where: m => m.Subject.Contains(c.Nomor));
        Assert.Contains("Buka darurat", mail.Subject);
        // On the audit trail: the break-glass and the reads that followed, never the notes themselves.
        var trail = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT string_agg(jenis || ':' || ringkasan, ' | ' ORDER BY urutan) FROM audit.entries WHERE subjek_id = '{c.Id}'");
        Assert.Contains("buka-darurat:", (string)trail!);
        Assert.Contains("baca-konseling:", (string)trail!);
        Assert.DoesNotContain("tertekan", (string)trail!);
    }

    [Fact]
    public async Task When_staff_complete_the_step_the_case_moves_on_in_the_inbox()
    {
        var c = await SubmitAsync();
        var actor = await _site.In.ActorAsync(Staf);
        var instance = await _site.In.InstanceAsync(c.SopInstanceId!.Value);
        var step = instance.Aktif.Single().StepId;
        var done = await _site.In.CompleteAsync(c.SopInstanceId!.Value, new CampusKonseling.Sop.Engine.CompleteStep(step), actor);
        Assert.True(done.Succeeded, done.Error);
        var moved = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Berjalan, moved.Status);
        Assert.NotEqual(c.LangkahAktif, moved.LangkahAktif);
        Assert.StartsWith("2 ", moved.LangkahAktif);
    }

    [Fact]
    public async Task A_schedule_agreement_reaches_the_client_and_a_reschedule_needs_a_reason()
    {
        var c = await SubmitAsync(email: await _site.In.EmailOfAsync("Mahasiswa"));
        using var staf = await SignInAsync(Staf);
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        var (_, page) = await staf.PageAsync(path);
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        using var missing = await staf.SubmitAsync(page, "form.agree", new Dictionary<string, string> { ["Tanggal"] = day, ["Jam"] = "10:00", ["DurasiMenit"] = "60" }, $"{path}?handler=Janji");
        Assert.Equal("Isi tempat pertemuan atau tautan konseling online.", (await TestClient.ParseAsync(missing)).QuerySelector(".agree .field-error")!.TextContent);

        using var agreed = await staf.SubmitAsync(page, "form.agree", new Dictionary<string, string>
        {
            ["Tanggal"] = day, ["Jam"] = "10:00", ["DurasiMenit"] = "60", ["Tautan"] = "https://meet.kampus.test/konseling-17", ["KodeRapat"] = "KS17", ["SandiRapat"] = "rahasia17",
        }, $"{path}?handler=Janji");
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var mail = await MailDev.WaitForAsync(c.Email!, where: m => m.Subject.Contains("Jadwal konseling"));
        Assert.Contains("https://meet.kampus.test/konseling-17", mail.Text);
        Assert.Contains("rahasia17", mail.Text);
        var storedPassword = await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT sandi_rapat FROM kasus.appointments");
        Assert.DoesNotContain("rahasia17", (string)storedPassword!);
        // Reminders a day and two hours before, waiting in the outbox.
        var waiting = await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT string_agg(to_char(kirim_setelah AT TIME ZONE 'Asia/Jakarta', 'HH24:MI'), ',' ORDER BY kirim_setelah) FROM notifications.outbox WHERE kunci LIKE 'janji:%' AND status = 'menunggu'");
        Assert.Equal("10:00,08:00", (string)waiting!);

        var (_, again) = await staf.PageAsync(path);
        using var noReason = await staf.SubmitAsync(again, "form.agree", new Dictionary<string, string> { ["Tanggal"] = day, ["Jam"] = "13:00", ["DurasiMenit"] = "60", ["Tempat"] = "Ruang Konseling 2" }, $"{path}?handler=Janji");
        Assert.Equal("Tuliskan alasan penjadwalan ulang.", (await TestClient.ParseAsync(noReason)).QuerySelector(".agree .field-error")!.TextContent);
        using var moved = await staf.SubmitAsync(again, "form.agree", new Dictionary<string, string>
        {
            ["Tanggal"] = day, ["Jam"] = "13:00", ["DurasiMenit"] = "60", ["Tempat"] = "Ruang Konseling 2", ["Alasan"] = "Konselor mengikuti rapat pimpinan.",
        }, $"{path}?handler=Janji");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var changed = await MailDev.WaitForAsync(c.Email!, where: m => m.Subject.Contains("diubah"));
        // The first session's reminders are withdrawn; the new time's wait.
        var states = await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT string_agg(status || '@' || to_char(kirim_setelah AT TIME ZONE 'Asia/Jakarta', 'HH24:MI'), ',' ORDER BY status, kirim_setelah) FROM notifications.outbox WHERE kunci LIKE 'janji:%'");
        Assert.Equal("ditarik@10:00,ditarik@08:00,menunggu@13:00,menunggu@11:00", (string)states!);
        Assert.Contains("Konselor mengikuti rapat pimpinan.", changed.Text);
        Assert.Contains("Ruang Konseling 2", changed.Text);

        // The client sees the agreed session in "Permohonan saya", never the notes.
        using var client = await SignInAsync("Mahasiswa");
        var (_, mine) = await client.PageAsync($"{_site.Campus.Prefix}/permohonan-saya");
        var row = mine.QuerySelector($"tr[data-kode='{c.KodePelacakan}']")!;
        Assert.Contains("Ruang Konseling 2", row.QuerySelector(".jadwal")!.TextContent);
        Assert.DoesNotContain("meet.kampus.test", row.TextContent);
    }

    [Fact]
    public async Task Staff_open_a_case_for_a_referred_client_and_it_enters_the_referral_sop()
    {
        var path = $"{_site.Campus.Prefix}/admin/kasus/baru";
        var values = new Dictionary<string, string>
        {
            ["Nama"] = "Bima Saputra", ["Nim"] = "2020004321", ["JenisKlien"] = "Mahasiswa", ["Cara"] = "Rujukan", ["Sop"] = "IK-KA-RUJUKAN",
            ["Uraian"] = "Dosen PA melihat nilai klien turun drastis dan klien sering menangis di kelas.",
        };
        using var missing = await _site.Admin.SubmitAsync(path, "form.new-case", values);
        var page = await TestClient.ParseAsync(missing);
        Assert.StartsWith("Sebutkan siapa yang merujuk", page.QuerySelector("[id=Perujuk] ~ .field-error")!.TextContent);
        Assert.Equal("Bima Saputra", page.QuerySelector("#Nama")!.GetAttribute("value"));

        values["Perujuk"] = "Dosen PA Prodi Psikologi";
        using var opened = await _site.Admin.SubmitAsync(path, "form.new-case", values);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var c = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2020004321"));
        Assert.Equal(("rujukan", "Dosen PA Prodi Psikologi", "IK-KA-RUJUKAN"), (c.Sumber, c.Perujuk, c.SopKode));
        Assert.Contains(Staf, c.PeranAktif);
        using var staf = await SignInAsync(Staf);
        var (_, inbox) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        Assert.DoesNotContain("menangis", await CasePageAsync(staf, c));
    }

    [Fact]
    public async Task A_referral_letter_is_made_from_the_case_numbered_versioned_and_audited_and_the_student_status_is_shown()
    {
        await TestDatabase.ExecuteAsync(_site.Campus.Database,
            "INSERT INTO direktori.students (nim, nama, prodi, semester, status, diperbarui_pada, sumber) VALUES ('2021001234', 'Dewi Lestari', 'Psikologi', 5, 'cuti', now(), 'csv')");
        var c = await SubmitAsync();
        using var staf = await SignInAsync(Staf);
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        var (_, chosen) = await staf.PageAsync($"{path}?Templat=surat-rujukan");
        Assert.Contains("cuti", chosen.QuerySelector("#status-mahasiswa")!.TextContent);
        Assert.Contains("Psikologi", chosen.QuerySelector("#status-mahasiswa")!.TextContent);
        Assert.Equal("Dewi Lestari", chosen.QuerySelector("#nilai-nama")!.GetAttribute("value"));
        Assert.Equal("Psikologi", chosen.QuerySelector("#nilai-prodi")!.GetAttribute("value"));

        var values = new Dictionary<string, string> { ["Nilai[dirujuk_kepada]"] = "RSJ Dr. Radjiman Wediodiningrat", ["Nilai[layanan]"] = "Asesmen psikiatri" };
        using var made = await staf.SubmitAsync(chosen, "form.letter-form", values, $"{path}?handler=Surat");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, page) = await staf.PageAsync(path);
        var row = page.QuerySelector("table.letters tr[data-versi='1']")!;
        var nomor = row.GetAttribute("data-surat")!;
        Assert.Matches(@"^001/", nomor);
        var pdfLink = row.QuerySelector("a.pdf")!.GetAttribute("href")!;
        // The letter is searchable in the archive at once, leading to its case.
        var (_, archive) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/arsip?Q={Uri.EscapeDataString("Radjiman")}");
        Assert.Contains($"/admin/kasus/{c.Id}", archive.QuerySelector($"li.hit[data-subjek='{c.Id}/{nomor}'] a")!.GetAttribute("href"));
        using var pdf = await staf.GetAsync(pdfLink);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        using var print = await staf.GetAsync(row.QuerySelector("a.print")!.GetAttribute("href")!);
        var html = await print.Content.ReadAsStringAsync();
        Assert.Contains(nomor, html);
        Assert.Contains("RSJ Dr. Radjiman Wediodiningrat", html);

        // A new version keeps the number; the first stays as it was.
        var (_, again) = await staf.PageAsync(page.QuerySelector("table.letters tr[data-versi='1'] a[href*='VersiDari']")!.GetAttribute("href")!);
        values["Nilai[layanan]"] = "Asesmen psikiatri dan psikoterapi";
        using var second = await staf.SubmitAsync(again, "form.letter-form", values, $"{path}?handler=Surat");
        var (_, after) = await staf.PageAsync(path);
        Assert.Equal(nomor, after.QuerySelector("table.letters tr[data-versi='2']")!.GetAttribute("data-surat"));
        Assert.NotNull(after.QuerySelector("table.letters tr[data-versi='1']"));

        // Another case cannot be used to read this case's letter.
        var other = await SubmitAsync();
        var letterId = System.Text.RegularExpressions.Regex.Match(pdfLink, "surat=([0-9a-f-]+)").Groups[1].Value;
        using var foreign = await staf.GetAsync($"{_site.Campus.Prefix}/admin/kasus/{other.Id}?handler=Unduh&surat={letterId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var audited = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT count(*) FROM audit.entries WHERE jenis = 'dokumen' AND ringkasan LIKE '%{nomor}%'");
        Assert.Equal(2L, audited);
    }

    [Fact]
    public async Task The_client_sees_only_what_the_counselor_released()
    {
        var c = await SubmitAsync(email: await _site.In.EmailOfAsync("Mahasiswa"));
        var staffId = await _site.In.InCampusAsync(async sp => (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(await _site.In.EmailOfAsync(Staf)))!.Id);
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        var (_, adminPage) = await _site.Admin.PageAsync(path);
        using var assigned = await _site.Admin.SubmitAsync(adminPage, "form.assign", new Dictionary<string, string> { ["KonselorId"] = staffId }, $"{path}?handler=Tugaskan");

        using var staf = await SignInAsync(Staf);
        foreach (var (jenis, isi) in new[] { ("sesi", "Klien cemas menghadapi sidang skripsi."), ("laporan", "Rangkuman: latihan relaksasi dua kali sehari, sesi lanjutan minggu depan.") })
        {
            var (_, page) = await staf.PageAsync(path);
            using var wrote = await staf.SubmitAsync(page, "form.note", new Dictionary<string, string> { ["Jenis"] = jenis, ["Tingkat"] = "konseling", ["Isi"] = isi }, $"{path}?handler=Catatan");
        }
        var (_, withNotes) = await staf.PageAsync(path);
        var report = withNotes.QuerySelectorAll("li.entry[data-jenis='laporan'] form.release").Single();
        using var released = await staf.SubmitAsync(withNotes, "li.entry[data-jenis='laporan'] form.release", new Dictionary<string, string>(), $"{path}?handler=Rilis&catatan={report.GetAttribute("action")!.Split("catatan=")[1]}");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);

        using var client = await SignInAsync("Mahasiswa");
        var (_, mine) = await client.PageAsync($"{_site.Campus.Prefix}/permohonan-saya");
        var row = mine.QuerySelector($"tr[data-kode='{c.KodePelacakan}']")!;
        Assert.Contains("latihan relaksasi", row.QuerySelector(".dirilis")!.TextContent);
        Assert.DoesNotContain("sidang skripsi", mine.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Saya kesulitan", mine.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_counseling_document_is_stored_encrypted_and_served_only_to_the_counselor()
    {
        var c = await SubmitAsync();
        var staffId = await _site.In.InCampusAsync(async sp => (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(await _site.In.EmailOfAsync(Staf)))!.Id);
        var path = $"{_site.Campus.Prefix}/admin/kasus/{c.Id}";
        var (_, adminPage) = await _site.Admin.PageAsync(path);
        using var assigned = await _site.Admin.SubmitAsync(adminPage, "form.assign", new Dictionary<string, string> { ["KonselorId"] = staffId }, $"{path}?handler=Tugaskan");
        using var staf = await SignInAsync(Staf);
        var (_, page) = await staf.PageAsync(path);
        var token = page.QuerySelector("form.upload input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> UploadAsync(TestClient who, string name, byte[] bytes)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Hasil tes psikologi"), "NamaDokumen" }, { new StringContent("konseling"), "TingkatDokumen" },
                { new ByteArrayContent(bytes), "berkas", name },
            };
            return await who.Http.PostAsync($"{path.TrimStart('/')}?handler=Dokumen", form);
        }
        using var wrong = await UploadAsync(staf, "hasil.pdf", "MZ\u0090\u0000 bukan pdf"u8.ToArray());
        Assert.Equal("Isi berkas bukan PDF, JPG atau PNG.", (await TestClient.ParseAsync(wrong)).QuerySelector("form.upload .field-error")!.TextContent);
        using var stored = await UploadAsync(staf, "hasil.pdf", "%PDF-1.4\nskor kecemasan tinggi\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var raw = (byte[])(await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT isi FROM kasus.documents"))!;
        Assert.DoesNotContain("kecemasan", System.Text.Encoding.Latin1.GetString(raw));

        var (_, after) = await staf.PageAsync(path);
        var link = after.QuerySelector("li[data-dokumen='Hasil tes psikologi'] a")!.GetAttribute("href")!;
        using var mine = await staf.GetAsync(link);
        Assert.Contains("kecemasan", await mine.Content.ReadAsStringAsync());
        using var dosen = await SignInAsync(DosenPa);
        var (_, dosenPage) = await dosen.PageAsync(path);
        Assert.Contains("hanya untuk konselor kasus ini", dosenPage.QuerySelector("li[data-dokumen='Hasil tes psikologi']")!.TextContent);
        using var refused = await dosen.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_note_saved_from_a_stale_page_does_not_undo_the_step_another_user_completed()
    {
        var c = await SubmitAsync();
        var actor = await _site.In.ActorAsync(Staf);
        var step = (await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().StepId;
        await _site.In.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var stale = await db.Cases.SingleAsync(x => x.Id == c.Id);
            // Meanwhile another user completes the step (another request, another scope).
            Assert.True((await _site.In.CompleteAsync(c.SopInstanceId!.Value, new CampusKonseling.Sop.Engine.CompleteStep(step), actor)).Succeeded);
            var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.NameIdentifier, "u1"), new(System.Security.Claims.ClaimTypes.GivenName, "Staf")], "uji"));
            Assert.Null(await sp.GetRequiredService<CampusKonseling.Cases.Work.CaseTimeline>().WriteAsync(user, stale, "catatan", "administratif", "Klien menelepon ulang."));
            return 0;
        });
        var now = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.StartsWith("2 ", now.LangkahAktif);
    }
}

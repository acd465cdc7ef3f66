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

/// <summary>Working a case: schedule agreements, letters, documents, and what is released to the client.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseActionsTests(PlatformFixture platform) : CaseCampusTests(platform, "tindakan")
{
    [Fact]
    public async Task A_schedule_agreement_reaches_the_client_and_a_reschedule_needs_a_reason()
    {
        var c = await SubmitAsync(email: await _site.In.EmailOfAsync("Mahasiswa"));
        using var staf = await SignInAsync(Staf);
        var path = CasePath(c, "jadwal");
        var (_, page) = await staf.PageAsync(path);
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        using var missing = await staf.SubmitAsync(page, "form.agree", new Dictionary<string, string> { ["Tanggal"] = day, ["Jam"] = "10:00", ["DurasiMenit"] = "60" }, $"{path}?handler=Janji");
        var kept = await TestClient.ParseAsync(missing);
        Assert.Equal("Isi tempat pertemuan atau tautan konseling online.", kept.QuerySelector(".agree .field-error")!.TextContent);
        // What was typed comes back in the form, in the format a time input reads (not id-ID's "10.00").
        Assert.Equal("10:00", kept.QuerySelector(".agree input#Jam")!.GetAttribute("value"));

        using var agreed = await staf.SubmitAsync(page, "form.agree", new Dictionary<string, string>
        {
            ["Tanggal"] = day, ["Jam"] = "10:00", ["DurasiMenit"] = "60", ["Tautan"] = "https://meet.kampus.test/konseling-17", ["KodeRapat"] = "KS17", ["SandiRapat"] = "rahasia17",
        }, $"{path}?handler=Janji");
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        // The demo client's address is shared by every campus a run makes: wait for this case's agreement.
        var mail = await MailDev.WaitForAsync(c.Email!, where: m => m.Subject.Contains("Jadwal konseling") && m.Text.Contains("https://meet.kampus.test/konseling-17"));
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
        var row = mine.QuerySelector($"article.permohonan[data-kode='{c.KodePelacakan}']")!;
        Assert.Contains("Ruang Konseling 2", row.QuerySelector(".jadwal")!.TextContent);
        Assert.DoesNotContain("meet.kampus.test", row.TextContent);
    }

    [Fact]
    public async Task A_referral_letter_is_made_from_the_case_numbered_versioned_and_audited_and_the_student_status_is_shown()
    {
        await TestDatabase.ExecuteAsync(_site.Campus.Database,
            "INSERT INTO direktori.students (nim, nama, prodi, semester, status, diperbarui_pada, sumber) VALUES ('2021001234', 'Dewi Lestari', 'Psikologi', 5, 'cuti', now(), 'csv')");
        var c = await SubmitAsync();
        using var staf = await SignInAsync(Staf);
        var (_, client) = await staf.PageAsync(CasePath(c, "klien"));
        Assert.Contains("cuti", client.QuerySelector("#status-mahasiswa")!.TextContent);
        Assert.Contains("Psikologi", client.QuerySelector("#status-mahasiswa")!.TextContent);
        var path = CasePath(c, "surat");
        var (_, chosen) = await staf.PageAsync($"{path}?Templat=surat-rujukan");
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
        using var foreign = await staf.GetAsync($"{CasePath(other, "surat")}?handler=Unduh&surat={letterId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var audited = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT count(*) FROM audit.entries WHERE jenis = 'dokumen' AND ringkasan LIKE '%{nomor}%'");
        Assert.Equal(2L, audited);
    }

    [Fact]
    public async Task The_client_sees_only_what_the_counselor_released()
    {
        var c = await SubmitAsync(email: await _site.In.EmailOfAsync("Mahasiswa"));
        await AssignStaffAsync(c);
        var path = CasePath(c, "catatan");

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
        var row = mine.QuerySelector($"article.permohonan[data-kode='{c.KodePelacakan}']")!;
        Assert.Contains("latihan relaksasi", row.QuerySelector(".dirilis")!.TextContent);
        Assert.DoesNotContain("sidang skripsi", mine.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Saya kesulitan", mine.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_counseling_document_is_stored_encrypted_and_served_only_to_the_counselor()
    {
        var c = await SubmitAsync();
        await AssignStaffAsync(c);
        var path = CasePath(c, "dokumen");
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
}

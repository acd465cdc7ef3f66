using System.Globalization;
using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>
/// The client's own page (issue 14): a student who signs in lands on "Permohonan saya", not on "Akses ditolak"; there each
/// request shows its SOP, the steps done and the one under way with its due time in words and campus time, the agreed
/// sessions with a calendar file only they can fetch, what the unit wrote to them — and never a counseling note.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientPageTests(PlatformFixture platform) : IAsyncLifetime
{
    private static ClientLaneCampus? _campus;
    private ClientLaneCampus _c = null!;
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    // One campus for the class: every test sends its own requests and looks only at them.
    public async Task InitializeAsync() => _c = _campus ??= await ClientLaneCampus.CreateAsync(platform, "halaman");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> SignInAsync(TestClient client, string email, string? returnUrl = null)
    {
        var path = $"{_c.Campus.Prefix}/akun/masuk" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        using var response = await client.SubmitAsync(path, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = ClientLaneCampus.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_student_signs_in_to_their_own_page_and_staff_to_the_staff_area()
    {
        var prefix = _c.Campus.Prefix;
        using (var student = platform.Client())
            Assert.Equal($"/{prefix}/permohonan-saya", await SignInAsync(student, _c.MahasiswaA));
        // Sent to sign in from the staff area (or its link), a student still lands on their own page, never on "Akses ditolak".
        using (var student = platform.Client())
            Assert.Equal($"/{prefix}/permohonan-saya", await SignInAsync(student, _c.MahasiswaA, $"/{prefix}/admin"));
        using (var student = platform.Client())
            Assert.Equal($"/{prefix}/formulir", await SignInAsync(student, _c.MahasiswaA, $"/{prefix}/formulir"));
        using (var tu = platform.Client())
            Assert.Equal($"/{prefix}/admin", await SignInAsync(tu, _c.Tu));

        // The campus header leads each to their place: the student to their page (and never to the staff area), staff to both.
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var (_, home) = await a.PageAsync($"{prefix}/formulir");
        var nav = home.QuerySelector(".site-nav")!;
        Assert.EndsWith("/permohonan-saya", nav.QuerySelector("a.permohonan-saya")!.GetAttribute("href"));
        Assert.DoesNotContain(nav.QuerySelectorAll("a"), l => l.GetAttribute("href")!.EndsWith("/admin"));
        Assert.Contains(nav.QuerySelectorAll("a"), l => l.GetAttribute("href")!.EndsWith("/akun/keluar") && l.TextContent.Trim() == "Keluar");
        using var staff = await _c.SignedInAsync(platform, _c.Tu);
        var (_, staffHome) = await staff.PageAsync($"{prefix}/formulir");
        Assert.NotNull(staffHome.QuerySelector(".site-nav a.permohonan-saya"));
        Assert.Contains(staffHome.QuerySelectorAll(".site-nav a"), l => l.GetAttribute("href")!.EndsWith("/admin") && l.TextContent.Trim() == "Area staf");

        // A student who opens the staff area anyway is shown the way to their page.
        var (denied, page) = await a.PageAsync($"{prefix}/akun/akses-ditolak");
        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.EndsWith("/permohonan-saya", page.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Each_request_shows_its_sop_the_steps_done_and_the_step_under_way_with_its_due_time_in_campus_time()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(code);

        var (_, sent) = await a.PageAsync(_c.MinePath);
        var card = sent.QuerySelector($"article.permohonan[data-kode='{code}']")!;
        Assert.Equal("Konseling dengan lajur klien", card.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("Sedang diproses", card.QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains("Mahasiswa mengisi formulir permohonan", card.QuerySelector(".riwayat li")!.TextContent);
        var now = card.QuerySelector(".langkah-sekarang")!.TextContent;
        Assert.Contains("Sedang dikerjakan: TU memeriksa permohonan", Squash(now));
        Assert.Contains("oleh Tata Usaha", now);

        await _c.CompleteAsync(instance, "2", _c.Tu, "TU"); // step 3 is the student's, due in a day
        var due = (await _c.In.InstanceAsync(instance)).Aktif.Single().JatuhTempo!.Value;
        var (_, waiting) = await a.PageAsync(_c.MinePath);
        card = waiting.QuerySelector($"article.permohonan[data-kode='{code}']")!;
        Assert.Equal("Menunggu Anda", card.QuerySelector(".status")!.TextContent.Trim());
        var done = card.QuerySelectorAll(".riwayat li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(2, done.Count);
        Assert.StartsWith("✓ Mahasiswa mengisi formulir permohonan", done[0]);
        Assert.StartsWith("✓ TU memeriksa permohonan", done[1]);
        Assert.EndsWith(" WIB", done[1]);
        Assert.Contains("Giliran Anda: Mahasiswa mengisi angket kesiapan konseling", Squash(card.QuerySelector(".langkah-sekarang")!.TextContent));
        // In words and in Jakarta's time, with its abbreviation: "Kamis, 3 Desember 2026 pukul 14.05 WIB (besok)".
        var local = TimeZoneInfo.ConvertTime(due, Jakarta);
        var expected = $"Perkiraan selesai: {local.ToString("dddd, d MMMM yyyy", Id)} pukul {local:HH.mm} WIB ({Relative(local)})";
        Assert.Equal(expected, Squash(card.QuerySelector(".jatuh-tempo")!.TextContent));
        // The same step waits for them above, with the same time.
        var task = waiting.QuerySelector($"article.langkah-klien[data-kode='{code}'][data-langkah='3'] .jatuh-tempo")!;
        Assert.Equal($"Mohon diselesaikan sebelum {local.ToString("dddd, d MMMM yyyy", Id)} pukul {local:HH.mm} WIB ({Relative(local)})", Squash(task.TextContent));
    }

    [Fact]
    public async Task An_agreed_session_has_its_meeting_link_and_a_calendar_file_only_its_client_can_fetch()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(code);
        await _c.CompleteAsync(instance, "2", _c.Tu, "TU");
        Assert.True((await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(_c.MahasiswaA, "Mahasiswa"))).Succeeded);
        await _c.CompleteAsync(instance, "4", _c.Konselor, "Konselor");
        var janji = await _c.AgreeAsync(instance, tautan: "https://meet.kampus.test/abc-defg-hij", kodeRapat: "abc-defg-hij", sandiRapat: "rahasia-77");
        var start = await _c.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Appointments.Where(x => x.Id == janji).Select(x => x.Mulai).SingleAsync());

        var (_, page) = await a.PageAsync(_c.MinePath);
        var session = page.QuerySelector($"article.permohonan[data-kode='{code}'] .jadwal[data-janji='{janji}']")!;
        var local = TimeZoneInfo.ConvertTime(start, Jakarta);
        Assert.Contains($"{local.ToString("dddd, d MMMM yyyy", Id)} pukul 10.00 WIB", session.TextContent);
        Assert.Equal("https://meet.kampus.test/abc-defg-hij", session.QuerySelector("a.tautan-rapat")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#jadwal-berikutnya"));
        var link = session.QuerySelector("a.kalender")!.GetAttribute("href")!;

        using var ics = await a.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".ics", ics.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var text = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains($"\r\nDTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", text);
        Assert.Contains($"\r\nDTEND:{start.AddMinutes(60).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", text);
        Assert.Contains("\r\nSUMMARY:Konseling: Unit Konseling\r\n", text);
        Assert.Contains("\r\nURL:https://meet.kampus.test/abc-defg-hij\r\n", text);
        Assert.Contains(code, text.Replace("\r\n ", ""));
        Assert.DoesNotContain("rahasia-77", text); // the meeting password stays on the page
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        // Another student, and nobody signed out, gets nothing.
        using var b = await _c.SignedInAsync(platform, _c.MahasiswaB);
        using (var other = await b.GetAsync(link)) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var anonymous = platform.Client();
        using (var nobody = await anonymous.GetAsync(link)) Assert.Equal(HttpStatusCode.Redirect, nobody.StatusCode);
    }

    [Fact]
    public async Task What_the_unit_writes_reaches_the_client_and_counseling_notes_never_do()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        // A step that writes to the client (aksi pesan): its message is on their page.
        var asked = await _c.SubmitAsync(a, ClientLaneCampus.FormPesan, new Dictionary<string, string>
        {
            ["f_nama"] = "Dewi Lestari", ["f_email"] = _c.MahasiswaA, ["f_uraian"] = "Saya sulit tidur menjelang ujian.",
        });
        var (_, page) = await a.PageAsync(_c.MinePath);
        var message = page.QuerySelector($"article.permohonan[data-kode='{asked}'] .pesan-unit .pesan")!;
        Assert.Contains($"Tanggapan permohonan {asked}", message.TextContent);
        Assert.Contains("konselor Unit Konseling akan menghubungi Anda minggu ini", message.TextContent);
        Assert.DoesNotContain("sulit tidur", page.Body!.TextContent);

        // The counselor's session note stays with the counselor; what they release reaches the client.
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        await _c.CounselorWritesAsync(await _c.InstanceOfAsync(code), "Klien menunjukkan gejala kecemasan berat.", "Saran: latihan napas sebelum ujian.");
        (_, page) = await a.PageAsync(_c.MinePath);
        var card = page.QuerySelector($"article.permohonan[data-kode='{code}']")!;
        Assert.Contains("Saran: latihan napas sebelum ujian.", card.QuerySelector(".pesan-unit .dirilis")!.TextContent);
        Assert.Contains("Dari konselor", card.QuerySelector(".pesan-unit .dirilis")!.TextContent);
        Assert.DoesNotContain("kecemasan berat", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("cemas menghadapi ujian skripsi", page.DocumentElement.OuterHtml); // the request's own problem text
    }

    [Fact]
    public async Task A_student_chooses_their_counselor_where_the_sop_lets_them()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, ClientLaneCampus.FormPilih, new Dictionary<string, string> { ["f_nama"] = "Dewi Lestari", ["f_email"] = _c.MahasiswaA });
        var instance = await _c.InstanceOfAsync(code);
        var (_, page) = await a.PageAsync(_c.MinePath);
        var card = $"article.langkah-klien[data-kode='{code}'][data-langkah='2']";
        Assert.Equal("Pilih konselor Anda", page.QuerySelector($"{card} legend")!.TextContent.Trim());
        // Counselors by name only: no addresses reach the student.
        Assert.Equal(["Rina Marlina", "Yusuf Hamdani"], page.QuerySelectorAll($"{card} label").Select(l => l.TextContent.Trim()).ToList());
        Assert.DoesNotContain("@klien.test", page.QuerySelector(card)!.OuterHtml);

        // Someone not among the counselors is refused beside the step; the step stays the student's.
        var tu = await SecurityCampus.UserIdAsync(_c.Campus, _c.Tu);
        using (var refused = await a.SubmitAsync(page, $"{card} form", new Dictionary<string, string> { ["pengguna"] = tu }, _c.MinePath))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("Pilih dari daftar.", (await TestClient.ParseAsync(refused)).QuerySelector($"{card} .field-error")!.TextContent.Trim());
        }
        // Nor may another student choose for them.
        var yusuf = await SecurityCampus.UserIdAsync(_c.Campus, "kedua." + _c.Konselor);
        using var b = await _c.SignedInAsync(platform, _c.MahasiswaB);
        var (_, withToken) = await b.PageAsync(_c.FormPath); // a page of theirs with a form, for their own antiforgery token
        using (var crafted = await b.PostWithTokenAsync(withToken, $"{_c.MinePath}?handler=Pilih", new Dictionary<string, string>
               { ["instance"] = instance.ToString(), ["step"] = "2", ["pengguna"] = yusuf }))
            Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        using (var chosen = await a.SubmitAsync(page, $"{card} form", new Dictionary<string, string> { ["pengguna"] = yusuf }, _c.MinePath))
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (_, after) = await a.PageAsync(_c.MinePath);
        Assert.Equal("Anda memilih Yusuf Hamdani.", after.QuerySelector("#pesan")!.TextContent.Trim());
        Assert.Equal("Yusuf Hamdani", (await _c.CaseOfAsync(instance)).KonselorNama);
        Assert.Equal(["3"], (await _c.In.InstanceAsync(instance)).Aktif.Select(x => x.StepId));
        Assert.Contains("Sedang dikerjakan: Konselor pilihan menghubungi mahasiswa",
            Squash(after.QuerySelector($"article.permohonan[data-kode='{code}'] .langkah-sekarang")!.TextContent));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Relative(DateTimeOffset local)
    {
        var days = DateOnly.FromDateTime(local.Date).DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jakarta).Date).DayNumber;
        return days switch { 0 => "hari ini", 1 => "besok", -1 => "kemarin", > 1 => $"{days} hari lagi", _ => $"{-days} hari lalu" };
    }
}

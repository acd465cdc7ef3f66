using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>
/// Client lanes (issue 13): the form tells the SOP whose request it is; the client's steps wait on their own page
/// ("Permohonan saya"), where they do them — and nobody else can, or is told of them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientLaneTests(PlatformFixture platform) : IAsyncLifetime
{
    private ClientLaneCampus _c = null!;

    public async Task InitializeAsync() => _c = await ClientLaneCampus.CreateAsync(platform, "lajur");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task StaffChecksAsync(Guid instance) => _c.CompleteAsync(instance, "2", _c.Tu, "TU");

    /// <summary>The user's in-app notifications as "jenis:judul:tautan | …"; null when there are none.</summary>
    private static async Task<string?> UnreadAsync(TestTenant campus, string userId, string where = "true") =>
        await TestDatabase.ScalarAsync(campus.Database,
            $"SELECT string_agg(jenis || ':' || judul || ':' || coalesce(tautan, ''), ' | ') FROM notifications.notifications WHERE user_id = '{userId}' AND {where}") as string;

    [Fact]
    public async Task Intake_tells_the_sop_the_client_the_channel_and_the_choice_answers_but_no_free_text()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.In.InstanceAsync(await _c.InstanceOfAsync(code));

        Assert.Equal(await SecurityCampus.UserIdAsync(_c.Campus, _c.MahasiswaA), instance.Konteks["klien"]);
        Assert.Equal("formulir", instance.Konteks["masuk"]);
        Assert.Equal("Tatap muka", instance.Konteks["saluran"]);
        Assert.Equal("akademik", instance.Konteks["bidang"]);
        Assert.Equal("Kelompok", instance.Konteks["sesi"]);
        Assert.DoesNotContain(instance.Konteks.Values, v => v.Contains("skripsi") || v.Contains("sore hari"));
        Assert.False(instance.Konteks.ContainsKey("uraian"));
        Assert.False(instance.Konteks.ContainsKey("catatan"));
        // The form's own step completed itself, by the system.
        Assert.Equal(["2"], instance.Aktif.Select(x => x.StepId));
        Assert.Contains(instance.Riwayat, e => e.Jenis == StepEventKind.Diselesaikan && e.StepId == "1" && e.OlehId == Actor.System.Id);

        // Sent without an account: no client is named, and the unit's staff record the client's step for them.
        using var anonymous = platform.Client();
        var walkIn = await _c.InstanceOfAsync(await _c.SubmitAsync(anonymous, $"tamu.{Guid.NewGuid():N}@klien.test"));
        Assert.False((await _c.In.InstanceAsync(walkIn)).Konteks.ContainsKey("klien"));
        await StaffChecksAsync(walkIn);
        await _c.CompleteAsync(walkIn, "3", _c.Tu, "TU");
        Assert.Equal(["4"], (await _c.In.InstanceAsync(walkIn)).Aktif.Select(x => x.StepId));
    }

    [Fact]
    public async Task The_client_does_their_plain_step_from_their_own_page()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(code);
        var (_, before) = await a.PageAsync(_c.MinePath);
        Assert.Null(before.QuerySelector("article.langkah-klien")); // step 2 is TU's: nothing waits for the student yet
        await StaffChecksAsync(instance);

        var (_, page) = await a.PageAsync(_c.MinePath);
        var card = page.QuerySelector($"article.langkah-klien[data-kode='{code}'][data-langkah='3']")!;
        Assert.Contains("Mahasiswa mengisi angket kesiapan konseling", card.TextContent);
        // Due in the campus's time zone (Asia/Jakarta), as the engine computed it, in words.
        var due = TimeZoneInfo.ConvertTime((await _c.In.InstanceAsync(instance)).Aktif.Single().JatuhTempo!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        Assert.StartsWith($"Mohon diselesaikan sebelum {due.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))} pukul {due:HH.mm} WIB (",
            card.QuerySelector(".jatuh-tempo")!.TextContent);
        using var done = await a.SubmitAsync(page, $"article[data-langkah='3'] form", new Dictionary<string, string>(), _c.MinePath);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var after = await _c.In.InstanceAsync(instance);
        Assert.Equal(["4"], after.Aktif.Select(x => x.StepId));
        Assert.Equal(await SecurityCampus.UserIdAsync(_c.Campus, _c.MahasiswaA), after.Riwayat.Single(e => e.Jenis == StepEventKind.Diselesaikan && e.StepId == "3").OlehId);
        var (_, shown) = await a.PageAsync(_c.MinePath);
        Assert.Contains("tercatat selesai", shown.QuerySelector("#pesan")!.TextContent);
        Assert.Null(shown.QuerySelector("article.langkah-klien"));
    }

    [Fact]
    public async Task The_client_asks_for_another_date_then_confirms_the_agreement()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(await _c.SubmitAsync(a, _c.MahasiswaA));
        await StaffChecksAsync(instance);
        await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(_c.MahasiswaA, "Mahasiswa"));
        await _c.CompleteAsync(instance, "4", _c.Konselor, "Konselor");

        // Before any agreement there is nothing to confirm: the step says so and offers no button.
        var (_, early) = await a.PageAsync(_c.MinePath);
        Assert.Contains("belum menetapkan jadwal", early.QuerySelector("article[data-langkah='5']")!.TextContent);
        Assert.Null(early.QuerySelector("article[data-langkah='5'] form"));
        var janji = await _c.AgreeAsync(instance);

        // Another date without a reason is refused beside the step; with one, the counselor is told and the step stays open.
        var (_, page) = await a.PageAsync(_c.MinePath);
        var card = page.QuerySelector("article[data-langkah='5']")!;
        Assert.Contains("Ruang Konseling 2", card.QuerySelector(".tempat")!.TextContent);
        Assert.Matches(@"^\w+, \d{1,2} \w+ \d{4} pukul 10\.00 WIB \(60 menit\)$", card.QuerySelector(".waktu")!.TextContent);
        using (var empty = await a.SubmitAsync(page, "article[data-langkah='5'] form[action*='handler=JadwalLain']", new Dictionary<string, string> { ["alasan"] = " " }, _c.MinePath))
        {
            var refused = await TestClient.ParseAsync(empty);
            Assert.Contains("Tuliskan alasan", refused.QuerySelector("article[data-langkah='5'] .field-error")!.TextContent);
        }
        using (var asked = await a.SubmitAsync(page, "article[data-langkah='5'] form[action*='handler=JadwalLain']",
                   new Dictionary<string, string> { ["alasan"] = "Ada ujian praktikum; mohon Kamis siang." }, _c.MinePath))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var counselorId = await SecurityCampus.UserIdAsync(_c.Campus, _c.Konselor);
        Assert.Contains("Klien meminta jadwal lain", await UnreadAsync(_c.Campus, counselorId, "jenis = 'kasus-jadwal'") ?? "");
        await MailDev.WaitForAsync(_c.Konselor, TimeSpan.FromSeconds(15), m => m.Text.Contains("ujian praktikum"));
        Assert.Equal(["5"], (await _c.In.InstanceAsync(instance)).Aktif.Select(x => x.StepId));

        // Confirming is the step's evidence: the step completes with "dikonfirmasi klien …" recorded as its output.
        (_, page) = await a.PageAsync(_c.MinePath);
        using (var confirmed = await a.SubmitAsync(page, "article[data-langkah='5'] form[action*='handler=Konfirmasi']", new Dictionary<string, string>(), _c.MinePath))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await _c.In.InstanceAsync(instance);
        Assert.Equal(["6"], after.Aktif.Select(x => x.StepId));
        var done = after.Riwayat.Single(e => e.Jenis == StepEventKind.Diselesaikan && e.StepId == "5");
        Assert.Contains(done.Keluaran.Values, v => v.StartsWith("dikonfirmasi klien "));
        var agreement = await _c.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Appointments.AsNoTracking().SingleAsync(x => x.Id == janji));
        Assert.Equal(await SecurityCampus.UserIdAsync(_c.Campus, _c.MahasiswaA), agreement.DikonfirmasiOleh);

        // The counselor sees the confirmation on the case's agreements (its Jadwal tab).
        using var konselor = await _c.SignedInAsync(platform, _c.Konselor);
        var (_, casePage) = await konselor.PageAsync($"{_c.Campus.Prefix}/admin/kasus/{(await _c.CaseOfAsync(instance)).Id}/jadwal");
        Assert.Contains("Dikonfirmasi klien", casePage.QuerySelector($"[data-janji='{janji}'] .dikonfirmasi")!.TextContent);
    }

    [Fact]
    public async Task The_client_uploads_the_document_the_step_names_to_the_case()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        using (var sent = await a.SubmitAsync($"{_c.Campus.Prefix}/formulir/{ClientLaneCampus.FormBerkas}", "form.intake",
                   new Dictionary<string, string> { ["f_nama"] = "Dewi Lestari", ["f_email"] = _c.MahasiswaA }))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, page) = await a.PageAsync(_c.MinePath);
        var form = page.QuerySelector("article[data-langkah='2'] form[action*='handler=Unggah']")!;
        Assert.Contains("Unggah Surat Keterangan Dokter", form.TextContent);
        var instance = Guid.Parse(form.QuerySelector("input[name='instance']")!.GetAttribute("value")!);

        Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
        {
            var content = new MultipartFormDataContent();
            foreach (var hidden in form.QuerySelectorAll("input[type='hidden']")) content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
            content.Add(new ByteArrayContent(bytes), "berkas", name);
            return a.Http.PostAsync($"{_c.MinePath.TrimStart('/')}?handler=Unggah", content);
        }
        // Not a PDF, JPG or PNG by its content: refused beside the step, nothing stored.
        using (var wrong = await UploadAsync("bukan gambar"u8.ToArray(), "surat.png"))
            Assert.Contains("bukan PDF, JPG atau PNG", (await TestClient.ParseAsync(wrong)).QuerySelector("article[data-langkah='2'] .field-error")!.TextContent);
        byte[] pdf = [.. "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];
        using (await UploadAsync(pdf, "surat-dokter.pdf")) { }

        var row = await _c.CaseOfAsync(instance);
        var doc = await _c.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Documents.AsNoTracking().SingleAsync(d => d.CaseId == row.Id));
        Assert.Equal(("Surat Keterangan Dokter", "surat-dokter.pdf", Tingkat.Administratif, "application/pdf"), (doc.Nama, doc.NamaBerkas, doc.Tingkat, doc.Mime));
    }

    [Fact]
    public async Task Another_client_cannot_act_on_the_step()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(code);
        await StaffChecksAsync(instance);
        using var b = await _c.SignedInAsync(platform, _c.MahasiswaB);
        var (_, own) = await b.PageAsync(_c.MinePath);
        Assert.Null(own.QuerySelector($"[data-kode='{code}']"));

        // B crafts A's step into a post with their own session's token: refused, and A's step stays A's.
        var (_, withToken) = await b.PageAsync(_c.FormPath);
        foreach (var handler in new[] { "Selesai", "Konfirmasi", "JadwalLain" })
        {
            using var crafted = await b.PostWithTokenAsync(withToken, $"{_c.MinePath}?handler={handler}", new Dictionary<string, string>
            {
                ["instance"] = instance.ToString(), ["step"] = "3", ["janji"] = Guid.NewGuid().ToString(), ["alasan"] = "x",
            });
            Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        }
        Assert.Equal(["3"], (await _c.In.InstanceAsync(instance)).Aktif.Select(x => x.StepId));
        // Nor can B do it through the engine, holding the same Mahasiswa role.
        var refused = await _c.In.CompleteAsync(instance, new CompleteStep("3"), await _c.ActorAsync(_c.MahasiswaB, "Mahasiswa"));
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public async Task A_client_step_is_told_only_to_that_client_and_is_no_staff_task()
    {
        using var a = await _c.SignedInAsync(platform, _c.MahasiswaA);
        var code = await _c.SubmitAsync(a, _c.MahasiswaA);
        var instance = await _c.InstanceOfAsync(code);
        await StaffChecksAsync(instance); // step 3, the student's, is now active

        var idA = await SecurityCampus.UserIdAsync(_c.Campus, _c.MahasiswaA);
        var idB = await SecurityCampus.UserIdAsync(_c.Campus, _c.MahasiswaB);
        var toA = await UnreadAsync(_c.Campus, idA) ?? "";
        Assert.Contains("sop-tugas:Langkah Anda: Mahasiswa mengisi angket kesiapan konseling:permohonan-saya", toA);
        var mail = await MailDev.WaitForAsync(_c.MahasiswaA, TimeSpan.FromSeconds(15), m => m.Subject.Contains("Langkah Anda"));
        Assert.Contains("permohonan-saya", mail.Text);

        // B, who holds the same Mahasiswa role, hears nothing and sees nothing.
        Assert.Null(await UnreadAsync(_c.Campus, idB));
        await Assert.ThrowsAsync<TimeoutException>(() => MailDev.WaitForAsync(_c.MahasiswaB, TimeSpan.FromSeconds(2)));
        using var b = await _c.SignedInAsync(platform, _c.MahasiswaB);
        var (_, pageB) = await b.PageAsync(_c.MinePath);
        Assert.Null(pageB.QuerySelector("article.langkah-klien"));
        Assert.DoesNotContain(code, pageB.Body!.TextContent);

        // Staff of the SOP's roles are not told of it as their task.
        foreach (var staff in new[] { _c.Tu, _c.Konselor })
            Assert.DoesNotContain("Mahasiswa mengisi angket", await UnreadAsync(_c.Campus, await SecurityCampus.UserIdAsync(_c.Campus, staff), "jenis = 'sop-tugas'") ?? "");

        // TU, whose step handed it to the student, sees the case as waiting for the client, after any task.
        var row = await _c.CaseOfAsync(instance);
        Assert.Empty(row.PeranAktif);
        Assert.True(row.MenungguKlien);
        using var tu = await _c.SignedInAsync(platform, _c.Tu);
        var (_, inbox) = await tu.PageAsync($"{_c.Campus.Prefix}/admin/kasus");
        var line = inbox.QuerySelector($"tr[data-kasus='{row.Nomor}']")!;
        Assert.Equal("menunggu klien", line.QuerySelector(".menunggu-klien")!.TextContent.Trim());
        // The counselor's role never worked it: not in their inbox.
        using var konselor = await _c.SignedInAsync(platform, _c.Konselor);
        var (_, theirs) = await konselor.PageAsync($"{_c.Campus.Prefix}/admin/kasus");
        Assert.Null(theirs.QuerySelector($"tr[data-kasus='{row.Nomor}']"));
    }
}

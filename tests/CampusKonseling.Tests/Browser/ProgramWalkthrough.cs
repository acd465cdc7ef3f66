using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// UNIPMA's Workshop Minat Bakat (SOP.P2KLLK-04-B) walked by its actors: the Kepala P2KLLK makes the program and its
/// committee with the numbered Surat Tugas; the committee agrees theme and speakers, prepares, asks the Kaprodi to
/// forward the invitation to semester 3 and 5 (Surat Pemberitahuan); a student registers on a phone and gets a QR
/// ticket; the committee takes attendance on a phone; the participant evaluates; one participant is referred into a
/// new career-counseling case (SOP.P2KLLK-04); the committee's numbered report closes the SOP. A screenshot per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _unipma = null!;
    private ProgramWalk _walk = null!;
    private static readonly PageGotoOptions Loaded = ProgramWalk.Loaded;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _unipma = await platform.CreateTenantAsync("unipma", "workshop");
        _walk = new ProgramWalk(_browser, platform, _unipma, "workshop-unipma");
        await TestDatabase.ExecuteAsync(_unipma.Database, "INSERT INTO direktori.students (nim, nama, prodi, semester, status, email, telepon, diperbarui_pada, sumber) VALUES " +
            "('2310501001', 'Anisa Putri Rahmawati', 'Pendidikan Bahasa Inggris', 3, 'aktif', NULL, NULL, now(), 'csv'), " +
            "('2210501002', 'Bagus Wicaksono', 'Pendidikan Bahasa Inggris', 5, 'aktif', NULL, NULL, now(), 'csv'), " +
            "('2010501003', 'Citra Lestari', 'Pendidikan Bahasa Inggris', 7, 'aktif', NULL, NULL, now(), 'csv')");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_workshop_runs_from_surat_tugas_to_report_and_one_participant_is_referred_to_career_counseling()
    {
        const string judul = "Workshop Minat Bakat Semester Gasal";
        var p = _unipma.Prefix;

        // 1. The Kepala P2KLLK makes the program: its SOP starts, step 1 (Surat Tugas) shows its actors.
        var kepala = await _walk.AsAsync("Kepala/Sekretaris P2KLLK");
        var program = await _walk.NewProgramAsync(kepala, "workshop-minat-bakat", judul, inDays: 14, kapasitas: 40);
        await Assertions.Expect(kepala.Locator(".program-sop li[data-langkah='1']")).ToContainTextAsync("Rektorat");
        await _walk.ShotAsync(kepala, "program-dibuat-langkah-1");

        // 2. The committee: Panitia as chair, the Kepala as secretary; the Surat Tugas is now due ("1 hari setelah
        //    ditetapkan panitia") and, numbered, lists them.
        await _walk.AddCommitteeAsync(kepala, "Yuliana Kusumawati, S.Pd.", "ketua");
        await _walk.AddCommitteeAsync(kepala, "Dr. Endah Purwaningsih, M.Pd.", "sekretaris");
        await Assertions.Expect(kepala.Locator(".program-sop li[data-langkah='1'] .due")).ToContainTextAsync("jatuh tempo");
        await _walk.ShotAsync(kepala, "panitia");
        Assert.Matches(@"^001/ST/P2KLLK/", await _walk.LetterAsync(kepala, program, "surat-tugas-workshop-minat-bakat"));
        await _walk.CompleteStepAsync(kepala, program, "1");

        // 3. Theme and speakers agreed (step 2), the committee prepares (step 3).
        var panitia = await _walk.AsAsync("Panitia");
        await _walk.CompleteStepAsync(panitia, program, "2");
        await _walk.CompleteStepAsync(panitia, program, "3");

        // 4. The audience (semester 3 and 5, active) counted from the directory; the Kaprodi is asked to forward it, with the letter.
        await panitia.GotoAsync($"{p}/admin/program/{program}#sasaran", Loaded);
        await Assertions.Expect(panitia.Locator("#pratinjau-sasaran")).ToHaveAttributeAsync("data-jumlah", "2");
        await panitia.Locator("form.invite button[value='peran']").ClickAsync();
        await Assertions.Expect(panitia.Locator(".alert.success")).ToContainTextAsync("Kaprodi diberi tahu");
        await Assertions.Expect(panitia.Locator("tr[data-templat='surat-pemberitahuan-kaprodi']")).ToBeVisibleAsync();
        await _walk.ShotAsync(panitia, "undangan-kaprodi");
        var kaprodi = await _walk.AsAsync("Kaprodi");
        await kaprodi.GotoAsync($"{p}/notifikasi", Loaded);
        await Assertions.Expect(kaprodi.Locator("body")).ToContainTextAsync("Undangan untuk diteruskan");
        await _walk.ShotAsync(kaprodi, "notifikasi-kaprodi");
        await _walk.CompleteStepAsync(panitia, program, "4");

        // 5. A student registers on a phone at night and gets the QR ticket.
        var email = $"anisa.{Guid.NewGuid():N}@mhs.test";
        var phone = await _walk.PhoneAsync();
        var kode = await _walk.RegisterAsync(phone, judul, "Anisa Putri Rahmawati", "2310501001", email);
        Assert.Contains(kode, (await MailDev.WaitForAsync(email)).Text);

        // 6. On the day, the committee takes attendance on a phone. The QR code from her ticket is read by the page's own
        //    jsQR (what the camera frames go through where BarcodeDetector is missing) and posted as the scanner does.
        var door = await _walk.PhoneAsync();
        await door.GotoAsync($"{p}/akun/masuk", Loaded);
        await door.GetByLabel("E-mail").FillAsync("panitia@unipma.demo");
        await door.GetByLabel("Kata sandi").FillAsync("Demo12345");
        await door.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await door.GotoAsync($"{p}/admin/program/{program}/presensi", Loaded);
        await Assertions.Expect(door.Locator("#mulai-kamera")).ToBeVisibleAsync();
        var qr = await phone.Locator(".ticket img").GetAttributeAsync("src");
        var read = await door.EvaluateAsync<string>(@"async src => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height);
            return jsQR(d.data, d.width, d.height).data; }", qr);
        Assert.EndsWith($"/program/tiket/{read}/qr.png", qr);
        var answer = await door.EvaluateAsync<System.Text.Json.JsonElement>(@"async token => {
            const form = document.getElementById('form-pindai'); const data = new FormData(form); data.set('token', token);
            return await (await fetch(form.action, { method: 'POST', body: data })).json(); }", read);
        Assert.Equal("Anisa Putri Rahmawati hadir.", answer.GetProperty("pesan").GetString());
        // The code under the QR code, typed in again, is taken once: she is already in.
        await door.Locator("#Kode").FillAsync(kode.ToLowerInvariant());
        await door.Locator("form.code-form button").ClickAsync();
        await Assertions.Expect(door.Locator("#hasil-presensi")).ToContainTextAsync("sudah tercatat hadir");
        await Assertions.Expect(door.Locator("#jumlah-hadir")).ToHaveTextAsync("1");
        await Assertions.Expect(door.Locator("#baru-hadir")).ToContainTextAsync("Anisa Putri Rahmawati");
        await _walk.ShotAsync(door, "presensi-hp");

        // The students attending (step 5) is the workshop itself: the system completes it when the workshop ends. A
        // browser cannot wait a fortnight, so the committee moves the workshop to yesterday (as if it had been held
        // then); its end is past, the step's timer fires, and the report (step 6) becomes the committee's work.
        await panitia.GotoAsync($"{p}/admin/program/{program}/ubah", Loaded);
        await panitia.Locator("#sesi-0-tanggal").FillAsync(DateTime.UtcNow.AddHours(7).AddDays(-1).ToString("yyyy-MM-dd"));
        await panitia.Locator("form.edit-program button[type=submit]").ClickAsync();
        await Assertions.Expect(panitia.Locator(".alert.success")).ToBeVisibleAsync();
        for (var i = 0; i < 60 && await panitia.Locator(".program-sop li[data-langkah='6']").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await panitia.GotoAsync($"{p}/admin/program/{program}", Loaded);
        }
        await Assertions.Expect(panitia.Locator(".program-sop li[data-langkah='5']")).ToHaveCountAsync(0);
        await Assertions.Expect(panitia.Locator(".program-sop li[data-langkah='6']")).ToBeVisibleAsync();
        await _walk.ShotAsync(panitia, "workshop-selesai-langkah-6");

        // 7. The evaluation link goes out; the participant rates the workshop on her phone.
        await panitia.GotoAsync($"{p}/admin/program/{program}", Loaded);
        // The workshop has ended, so the background round (EvaluationSender) may have sent the link before the button is pressed:
        // either the button sends it, or it says there is nobody left to send it to. Either way it reaches her once.
        await panitia.Locator("form[action*='handler=Evaluasi'] button").ClickAsync();
        await Assertions.Expect(panitia.Locator(".alert.success, .alert.error, [role=alert]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Tautan evaluasi dikirim kepada 1 peserta|Tidak ada peserta hadir yang belum menerima tautan evaluasi") }).First).ToBeVisibleAsync();
        var link = System.Text.RegularExpressions.Regex.Match((await MailDev.WaitForAsync(email, where: m => m.Subject.Contains("Evaluasi"))).Text, @"http\S+/program/evaluasi/\S+").Value;
        await phone.GotoAsync(new Uri(link).PathAndQuery.TrimStart('/'), Loaded);
        foreach (var (aspek, nilai) in new[] { ("Materi", 5), ("Narasumber", 5), ("Penyelenggaraan", 4), ("Keseluruhan", 5) })
            await phone.Locator($"input[name='Nilai[{aspek}]'][value='{nilai}']").CheckAsync();
        await phone.Locator("#Komentar").FillAsync("Saya ingin konsultasi lanjut soal karier.");
        await _walk.ShotAsync(phone, "evaluasi-diisi");
        await phone.Locator("form.evaluation button").ClickAsync();
        await Assertions.Expect(phone.Locator("#evaluasi-terkirim")).ToBeVisibleAsync();

        // 8. She asked for more: the committee refers her to career counseling — a new case in SOP.P2KLLK-04.
        await panitia.GotoAsync($"{p}/admin/program/{program}#peserta", Loaded);
        await panitia.Locator("tr[data-peserta] button.refer").ClickAsync();
        await Assertions.Expect(panitia.Locator(".alert.success")).ToContainTextAsync("kasus KS-");
        await Assertions.Expect(panitia.Locator("#nilai-keseluruhan")).ToHaveTextAsync("5,00");
        await _walk.ShotAsync(panitia, "dirujuk-ke-konseling-karier");
        var c = await _walk.Case.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2310501001"));
        Assert.Equal("SOP.P2KLLK-04", c.SopKode);

        // 9. The committee's numbered report (attendance, evaluation, the referral) closes the SOP.
        Assert.Matches(@"^001/LMB/P2KLLK/", await _walk.LetterAsync(panitia, program, "laporan-layanan-minat-bakat"));
        await _walk.CompleteStepAsync(panitia, program, "6");
        await Assertions.Expect(panitia.Locator(".program-sop")).ToContainTextAsync("Semua langkah SOP selesai");

        // 10. TU, who receives career-counseling requests (its step 1), finds the new case in its inbox.
        var tu = await _walk.AsAsync("TU");
        await tu.GotoAsync($"{p}/admin/kasus", Loaded);
        await Assertions.Expect(tu.Locator($"tr[data-kasus='{c.Nomor}']")).ToBeVisibleAsync();
        await _walk.ShotAsync(tu, "kotak-masuk-tu");
        await tu.GotoAsync($"{p}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(tu.Locator(".case-head")).ToContainTextAsync("Layanan Konseling Karier");
        await _walk.ShotAsync(tu, "kasus-konseling-karier-baru");
    }
}

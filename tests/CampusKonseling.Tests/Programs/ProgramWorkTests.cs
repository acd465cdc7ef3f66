using System.Net;
using CampusKonseling.Cases.Data;
using CampusKonseling.Programs;
using CampusKonseling.Programs.Data;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>The committee's work on a program: making it (its SOP starts), the audience, referrals to career counseling; and campuses kept apart.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramWorkTests(PlatformFixture platform) : IAsyncLifetime
{
    private ProgramCampus _c = null!;

    public async Task InitializeAsync() => _c = await ProgramCampus.CreateAsync(platform, "progkerja");
    public Task DisposeAsync() { _c.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task A_program_made_on_the_staff_page_starts_its_sop_whose_first_step_shows_its_actors_and_is_due_once_the_committee_is_set()
    {
        var path = $"{_c.Campus.Prefix}/admin/program/baru";
        using (var missing = await _c.Admin.SubmitAsync(path, "form.new-program", new Dictionary<string, string> { ["JenisKode"] = ProgramCampus.Workshop, ["Judul"] = "Tanpa jadwal", ["Tempat"] = "Aula" }))
        {
            var page = await TestClient.ParseAsync(missing);
            Assert.Contains("paling sedikit satu sesi", page.QuerySelector(".sessions .field-error")!.TextContent);
            Assert.Equal("Tanpa jadwal", page.QuerySelector("#Judul")!.GetAttribute("value"));
        }
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        using var made = await _c.Admin.SubmitAsync(path, "form.new-program", new Dictionary<string, string>
        {
            ["JenisKode"] = ProgramCampus.Workshop, ["Judul"] = "Workshop Minat Bakat Gasal", ["Tema"] = "Menemukan bakat", ["Tempat"] = "Aula",
            ["Kapasitas"] = "50", ["Sesi[0].Tanggal"] = day, ["Sesi[0].Mulai"] = "08:00", ["Sesi[0].Selesai"] = "11:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var row = await _c.In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().SingleAsync(p => p.Judul == "Workshop Minat Bakat Gasal"));
        Assert.NotNull(row.SopInstanceId);
        Assert.Equal("SOP.P2KLLK-04-B", row.SopKode);
        var (_, program) = await _c.Admin.PageAsync(made.Headers.Location!.OriginalString);
        var step = program.QuerySelector(".program-sop li[data-langkah='1']")!;
        Assert.Contains("surat tugas", step.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kepala/Sekretaris P2KLLK", step.TextContent);
        Assert.Equal($"/{_c.Campus.Prefix}/admin/sop/instans/{row.SopInstanceId}", program.QuerySelector(".program-sop a.button")!.GetAttribute("href"));

        // The Surat Tugas is due "1 hari setelah ditetapkan panitia": no due time until the committee's first member is added.
        Assert.Null(step.QuerySelector(".due"));
        var panitia = await _c.In.ActorAsync("Panitia");
        using (var added = await _c.StaffPostAsync(row.Id, "Panitia", new Dictionary<string, string> { ["PenggunaId"] = panitia.Id, ["PeranPanitia"] = "ketua" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        (_, program) = await _c.Admin.PageAsync(made.Headers.Location!.OriginalString);
        Assert.Contains("jatuh tempo", program.QuerySelector(".program-sop li[data-langkah='1'] .due")!.TextContent);
    }

    [Fact]
    public async Task Moving_the_schedule_tells_the_participants_and_keeps_their_tickets()
    {
        var program = await _c.NewProgramAsync();
        var p = await _c.RegisteredAsync(platform, program, "Lina", $"lina.{Guid.NewGuid():N}@mhs.test");
        var path = $"{_c.Campus.Prefix}/admin/program/{program}/ubah";
        var (_, form) = await _c.Admin.PageAsync(path);
        Assert.Equal("09:00", form.QuerySelector("#sesi-0-mulai")!.GetAttribute("value"));
        var day = form.QuerySelector("#sesi-0-tanggal")!.GetAttribute("value")!;
        using (var wrong = await _c.Admin.SubmitAsync(form, "form.edit-program", new Dictionary<string, string> { ["Sesi[0].Mulai"] = "13:00", ["Sesi[0].Selesai"] = "12:00" }, path))
            Assert.Contains("Jam selesai harus setelah jam mulai", (await TestClient.ParseAsync(wrong)).QuerySelector(".sessions .field-error")!.TextContent);
        using (var moved = await _c.Admin.SubmitAsync(form, "form.edit-program", new Dictionary<string, string> { ["Sesi[0].Mulai"] = "13:00", ["Sesi[0].Selesai"] = "15:30", ["Tempat"] = "Ruang Seminar Lt. 3" }, path))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var mail = await MailDev.WaitForAsync(p.Email, where: m => m.Subject.Contains("Perubahan jadwal"));
        Assert.Contains("13.00", mail.Text);
        Assert.Contains("Ruang Seminar Lt. 3", mail.Text);
        Assert.Contains(p.Kode, mail.Text);
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        Assert.Contains("13.00–15.30", page.QuerySelector("ul.sessions")!.TextContent);
        Assert.Equal(day, (await _c.Admin.PageAsync(path)).Page.QuerySelector("#sesi-0-tanggal")!.GetAttribute("value"));
        Assert.Equal(p.Token, (await _c.ParticipantAsync(p.Email)).Token);
    }

    [Fact]
    public async Task A_referred_participant_gets_a_new_career_counseling_case_running_its_sop_and_only_one()
    {
        var program = await _c.NewProgramAsync();
        var p = await _c.RegisteredAsync(platform, program, "Rina Marlina", $"rina.{Guid.NewGuid():N}@mhs.test", nim: "2210303003");
        using (var r = await _c.StaffPostAsync(program, "Rujuk", new Dictionary<string, string> { ["peserta"] = p.Id.ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var referred = await _c.ParticipantAsync(p.Email);
        Assert.NotNull(referred.CaseNomor);
        var c = await _c.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == referred.CaseId));
        Assert.Equal(("Rina Marlina", "2210303003", "SOP.P2KLLK-04", "rujukan"), (c.Nama, c.Nim, c.SopKode, c.Sumber));
        Assert.NotNull(c.SopInstanceId);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_c.Campus.Database, $"SELECT count(*) FROM sop.instances WHERE id = '{c.SopInstanceId}'"));
        var (_, casePage) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/kasus/{c.Id}");
        Assert.Contains("Layanan Konseling Karier", casePage.QuerySelector(".case-head")!.TextContent);

        // The Kaprodi, who may read programs but is not on the committee, sees counts, not who was referred.
        using var kaprodi = platform.Client();
        await kaprodi.SignInAsync(_c.Campus.Prefix, await _c.In.EmailOfAsync("Kaprodi"), "Demo12345");
        var (_, seen) = await kaprodi.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        Assert.Contains("1 dirujuk", seen.QuerySelector("#angka-peserta")!.TextContent);
        Assert.DoesNotContain("Rina Marlina", seen.Body!.TextContent);
        Assert.DoesNotContain(referred.CaseNomor!, seen.Body!.TextContent);

        using (var again = await _c.StaffPostAsync(program, "Rujuk", new Dictionary<string, string> { ["peserta"] = p.Id.ToString() }))
            Assert.Contains("sudah dirujuk", (await TestClient.ParseAsync(again)).QuerySelector(".participants .field-error")!.TextContent);
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM kasus.cases"));

        // The committee's numbered report names the referral for P2KLLK's follow-up.
        using (var made = await _c.StaffPostAsync(program, "Surat", new Dictionary<string, string> { ["templat"] = "laporan-layanan-minat-bakat" }))
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, withLetter) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        var row = withLetter.QuerySelector("tr[data-templat='laporan-layanan-minat-bakat']")!;
        Assert.Matches(@"^001/LMB/P2KLLK/", row.GetAttribute("data-surat"));
        using var html = await _c.Admin.GetAsync(row.QuerySelector("a[target]")!.GetAttribute("href")!);
        var letter = await html.Content.ReadAsStringAsync();
        Assert.Contains("1 terdaftar, 0 hadir", letter);
        Assert.Contains($"Rina Marlina (2210303003) — kasus {referred.CaseNomor}", letter);
        using var refused = await kaprodi.GetAsync(row.QuerySelector("a[target]")!.GetAttribute("href")!);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_audience_filter_counts_the_directorys_students_and_invitations_reach_the_kaprodi_or_the_students()
    {
        var email = $"mhs3.{Guid.NewGuid():N}@mhs.test";
        await _c.SeedStudentsAsync(
            ("2310101001", "Ayu", "Pendidikan Matematika", 3, "aktif", email), ("2310101002", "Bima", "Pendidikan Matematika", 5, "aktif", null),
            ("2310101003", "Cici", "Pendidikan Matematika", 5, "cuti", "cici@mhs.test"), ("2310101004", "Doni", "Pendidikan Matematika", 7, "aktif", "doni@mhs.test"),
            ("2310201005", "Evi", "Akuntansi", 3, "aktif", "evi@mhs.test"));
        var program = await _c.NewProgramAsync();
        using (var saved = await _c.StaffPostAsync(program, "Sasaran", new Dictionary<string, string>
               { ["Prodi"] = "Pendidikan Matematika", ["Semester"] = "3", ["StatusMahasiswa"] = "aktif" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Semester 3 and 5 (the kind's default) of one prodi, active: Ayu and Bima, not Cici (cuti), Doni (semester 7) or Evi (another prodi).
        await TestDatabase.ExecuteAsync(_c.Campus.Database, $"UPDATE program.programs SET sasaran_semester = '{{3,5}}' WHERE id = '{program}'");
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        Assert.Equal("2", page.QuerySelector("#pratinjau-sasaran")!.GetAttribute("data-jumlah"));
        Assert.Contains("1 dengan e-mail", page.QuerySelector("#pratinjau-sasaran")!.TextContent);

        using (var invited = await _c.StaffPostAsync(program, "Undang", new Dictionary<string, string> { ["saluran"] = "email" }))
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains($"/program/{program}", (await MailDev.WaitForAsync(email, where: m => m.Subject.Contains("Undangan"))).Text);

        using (var kaprodi = await _c.StaffPostAsync(program, "Undang", new Dictionary<string, string> { ["saluran"] = "peran" }))
            Assert.Equal(HttpStatusCode.Redirect, kaprodi.StatusCode);
        var kaprodiId = (await _c.In.ActorAsync("Kaprodi")).Id;
        Assert.Equal(1L, await TestDatabase.ScalarAsync(_c.Campus.Database, $"SELECT count(*) FROM notifications.notifications WHERE user_id = '{kaprodiId}' AND judul LIKE 'Undangan untuk diteruskan%'"));
        (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        Assert.Matches(@"^001/SP/P2KLLK/", page.QuerySelector("tr[data-templat='surat-pemberitahuan-kaprodi']")!.GetAttribute("data-surat"));
        Assert.Equal(2, page.QuerySelectorAll("ul.invitations li").Length);
    }

    [Fact]
    public async Task A_committee_member_is_told_and_the_attendance_list_downloads_for_a_spreadsheet_with_formulas_defused()
    {
        var program = await _c.NewProgramAsync(judul: "Workshop Karier");
        var panitia = await _c.In.ActorAsync("Panitia");
        using (var added = await _c.StaffPostAsync(program, "Panitia", new Dictionary<string, string> { ["PenggunaId"] = panitia.Id, ["PeranPanitia"] = "ketua" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Anda ditetapkan sebagai Ketua: Workshop Karier", await TestDatabase.ScalarAsync(_c.Campus.Database, $"SELECT judul FROM notifications.notifications WHERE user_id = '{panitia.Id}' AND jenis = 'program'"));
        using (var twice = await _c.StaffPostAsync(program, "Panitia", new Dictionary<string, string> { ["PenggunaId"] = panitia.Id, ["PeranPanitia"] = "anggota" }))
            Assert.Contains("sudah ada di panitia", (await TestClient.ParseAsync(twice)).QuerySelector(".add-committee .field-error")!.TextContent);

        await _c.RegisteredAsync(platform, program, "=HYPERLINK(\"http://x\")", $"q.{Guid.NewGuid():N}@mhs.test");
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        using var csv = await _c.Admin.GetAsync(page.QuerySelector("#unduh-daftar-hadir")!.GetAttribute("href")!);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("\"Nama\";\"NIM\"", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\";", lines[1]);
        Assert.Contains("\"terdaftar\"", lines[1]);
    }

    [Fact]
    public async Task One_campus_sees_nothing_of_another_campus_programs()
    {
        var program = await _c.NewProgramAsync(judul: "Program kampus A");
        var p = await _c.RegisteredAsync(platform, program, "Peserta A", $"a.{Guid.NewGuid():N}@mhs.test");
        using var other = await ProgramCampus.CreateAsync(platform, "progpisah", "iuqi");
        using var visitor = platform.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PageAsync($"{other.Campus.Prefix}/program/{program}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PageAsync($"{other.Campus.Prefix}/program/tiket/{p.Token}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.PageAsync($"{other.Campus.Prefix}/admin/program/{program}")).Status);
        var (_, list) = await visitor.PageAsync($"{other.Campus.Prefix}/program");
        Assert.DoesNotContain("Program kampus A", list.Body!.TextContent);
        (_, list) = await visitor.PageAsync($"{_c.Campus.Prefix}/program");
        Assert.Contains("Program kampus A", list.Body!.TextContent);
        var figures = await other.In.InCampusAsync(sp => sp.GetRequiredService<IProgramReport>().ProgramsAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Empty(figures);
    }
}

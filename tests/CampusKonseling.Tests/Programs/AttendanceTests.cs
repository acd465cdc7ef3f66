using System.Net;
using System.Text.Json;
using CampusKonseling.Programs;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>Attendance at the door (QR code, typed code, tick), the participants' evaluation, and the figures leaders' reports read.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AttendanceTests(PlatformFixture platform) : IAsyncLifetime
{
    private ProgramCampus _c = null!;

    public async Task InitializeAsync() => _c = await ProgramCampus.CreateAsync(platform, "proghadir");
    public Task DisposeAsync() { _c.Dispose(); return Task.CompletedTask; }

    private static string Email(string who) => $"{who}.{Guid.NewGuid():N}@mhs.test";

    private async Task<JsonElement> ScanAsync(Guid program, string token)
    {
        using var response = await _c.StaffPostAsync(program, "Pindai", new Dictionary<string, string> { ["token"] = token }, "/presensi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Scanning_a_participants_qr_code_checks_them_in_once_and_says_so_the_second_time()
    {
        var program = await _c.NewProgramAsync(kapasitas: 1);
        var other = await _c.NewProgramAsync(judul: "Program lain");
        var ani = await _c.RegisteredAsync(platform, program, "Ani Lestari", Email("ani"));
        var waiting = await _c.RegisteredAsync(platform, program, "Bayu", Email("bayu"));
        var stranger = await _c.RegisteredAsync(platform, other, "Candra", Email("candra"));

        var first = await ScanAsync(program, ani.Token);
        Assert.True(first.GetProperty("ok").GetBoolean());
        Assert.False(first.GetProperty("sudah").GetBoolean());
        Assert.Equal("Ani Lestari hadir.", first.GetProperty("pesan").GetString());
        var at = (await _c.ParticipantAsync(ani.Email)).HadirPada;
        Assert.NotNull(at);

        var again = await ScanAsync(program, ani.Token);
        Assert.True(again.GetProperty("sudah").GetBoolean());
        Assert.Contains("sudah tercatat hadir", again.GetProperty("pesan").GetString());
        Assert.Equal(1, again.GetProperty("hadir").GetInt32());
        Assert.Equal(at, (await _c.ParticipantAsync(ani.Email)).HadirPada);

        Assert.Contains("program lain", (await ScanAsync(program, stranger.Token)).GetProperty("pesan").GetString());
        Assert.Contains("daftar tunggu", (await ScanAsync(program, waiting.Token)).GetProperty("pesan").GetString());
        Assert.Null((await _c.ParticipantAsync(waiting.Email)).HadirPada);
        Assert.Null((await _c.ParticipantAsync(stranger.Email)).HadirPada);

        // The page shows who was checked in.
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}/presensi");
        Assert.Equal("1", page.QuerySelector("#jumlah-hadir")!.TextContent);
        Assert.Contains("Ani Lestari", page.QuerySelector("#baru-hadir")!.TextContent);
    }

    [Fact]
    public async Task The_code_under_the_qr_code_can_be_typed_and_a_name_searched_and_ticked()
    {
        var program = await _c.NewProgramAsync();
        var dewi = await _c.RegisteredAsync(platform, program, "Dewi Anggraini", Email("dewi"));
        var eko = await _c.RegisteredAsync(platform, program, "Eko Prasetyo", Email("eko"), nim: "2210202002");
        var typed = string.Join(" ", dewi.Kode.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        using (var response = await _c.StaffPostAsync(program, "", new Dictionary<string, string> { ["Kode"] = typed }, "/presensi"))
            Assert.Contains("Dewi Anggraini hadir.", (await TestClient.ParseAsync(response)).QuerySelector("#hasil-presensi")!.TextContent);

        var (_, found) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}/presensi?Q=22102");
        Assert.Single(found.QuerySelectorAll("ul.attendees li[data-peserta]"));
        using (var ticked = await _c.Admin.PostWithTokenAsync(found, $"{_c.Campus.Prefix}/admin/program/{program}/presensi?peserta={eko.Id}", new Dictionary<string, string>()))
            Assert.Contains("Eko Prasetyo hadir.", (await TestClient.ParseAsync(ticked)).QuerySelector("#hasil-presensi")!.TextContent);
        Assert.NotNull((await _c.ParticipantAsync(eko.Email)).HadirPada);

        using var wrong = await _c.StaffPostAsync(program, "", new Dictionary<string, string> { ["Kode"] = "ZZZZ9999" }, "/presensi");
        Assert.Contains("tidak ditemukan", (await TestClient.ParseAsync(wrong)).QuerySelector("#hasil-presensi")!.TextContent);
    }

    [Fact]
    public async Task Participants_who_came_evaluate_once_through_their_link_and_staff_see_the_means()
    {
        var program = await _c.NewProgramAsync();
        var fajar = await _c.RegisteredAsync(platform, program, "Fajar", Email("fajar"));
        var gita = await _c.RegisteredAsync(platform, program, "Gita", Email("gita"));
        var absent = await _c.RegisteredAsync(platform, program, "Hadi", Email("hadi"));
        await ScanAsync(program, fajar.Token);
        await ScanAsync(program, gita.Token);
        using (var sent = await _c.StaffPostAsync(program, "Evaluasi", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains($"/program/evaluasi/{gita.Token}", (await MailDev.WaitForAsync(gita.Email, where: m => m.Subject.Contains("Evaluasi"))).Text);

        using var student = platform.Client();
        async Task<AngleSharp.Dom.IDocument> EvaluateAsync(string token, int m, int n, int p, int k, string? komentar = null)
        {
            var values = new Dictionary<string, string> { ["Nilai[Materi]"] = $"{m}", ["Nilai[Narasumber]"] = $"{n}", ["Nilai[Penyelenggaraan]"] = $"{p}", ["Nilai[Keseluruhan]"] = $"{k}" };
            if (komentar is not null) values["Komentar"] = komentar;
            using var r = await student.SubmitAsync($"{_c.Campus.Prefix}/program/evaluasi/{token}", "form.evaluation", values);
            return await TestClient.ParseAsync(r);
        }
        var incomplete = await EvaluateAsync(fajar.Token, 4, 0, 4, 4);
        Assert.Contains("Pilih nilai 1 sampai 5", incomplete.QuerySelector("fieldset[data-aspek='Narasumber'] .field-error")!.TextContent);
        Assert.NotNull((await EvaluateAsync(fajar.Token, 4, 5, 3, 4, "Materinya bermanfaat")).QuerySelector("#evaluasi-terkirim"));
        Assert.NotNull((await EvaluateAsync(gita.Token, 5, 4, 4, 5)).QuerySelector("#evaluasi-terkirim"));
        Assert.Contains("sudah kami terima", (await EvaluateAsync(gita.Token, 1, 1, 1, 1)).QuerySelector(".alert.error")!.TextContent);
        Assert.Contains("tercatat hadir", (await EvaluateAsync(absent.Token, 5, 5, 5, 5)).QuerySelector(".alert.error")!.TextContent);

        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        var summary = page.QuerySelector("#ringkasan-evaluasi")!.TextContent;
        Assert.Contains("2 dari 2 peserta hadir", summary);
        Assert.Equal("4,50", page.QuerySelector("#nilai-keseluruhan")!.TextContent); // (5 + 4) / 2, written as Indonesians do
        Assert.Contains("Materinya bermanfaat", page.QuerySelector("ul.comments")!.TextContent);
    }

    [Fact]
    public async Task After_the_last_session_the_attendees_get_the_evaluation_link_once_without_anyone_pressing_the_button()
    {
        var program = await _c.NewProgramAsync();
        var came = await _c.RegisteredAsync(platform, program, "Indah", Email("indah"));
        var absent = await _c.RegisteredAsync(platform, program, "Joni", Email("joni"));
        await ScanAsync(program, came.Token);
        async Task<int> RunAsync() => await _c.In.InCampusAsync(async sp =>
        {
            await ActivatorUtilities.CreateInstance<CampusKonseling.Programs.Work.EvaluationSender>(sp).RunAsync(default);
            return (int)(long)(await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM program.participants WHERE evaluasi_dikirim_pada IS NOT NULL"))!;
        });
        Assert.Equal(0, await RunAsync()); // the program has not taken place yet
        await TestDatabase.ExecuteAsync(_c.Campus.Database, $"UPDATE program.programs SET mulai = now() - interval '5 hours', selesai = now() - interval '2 hours' WHERE id = '{program}'");
        Assert.Equal(1, await RunAsync());
        Assert.Equal(1, await RunAsync());
        Assert.Contains($"/program/evaluasi/{came.Token}", (await MailDev.WaitForAsync(came.Email, where: m => m.Subject.Contains("Evaluasi"))).Text);
        Assert.Null((await _c.ParticipantAsync(absent.Email)).EvaluasiDikirimPada);
    }

    [Fact]
    public async Task The_program_report_counts_registrations_waiting_attendance_evaluations_and_referrals_of_programs_in_the_period()
    {
        var program = await _c.NewProgramAsync(kapasitas: 2, judul: "Dalam periode");
        var later = await _c.NewProgramAsync(judul: "Di luar periode", inDays: 60);
        var a = await _c.RegisteredAsync(platform, program, "A", Email("a"));
        var b = await _c.RegisteredAsync(platform, program, "B", Email("b"));
        await _c.RegisteredAsync(platform, program, "C", Email("c"));
        await ScanAsync(program, a.Token);
        using (var r = await _c.StaffPostAsync(program, "Rujuk", new Dictionary<string, string> { ["peserta"] = a.Id.ToString() })) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var student = platform.Client())
        using (await student.SubmitAsync($"{_c.Campus.Prefix}/program/evaluasi/{a.Token}", "form.evaluation",
                   new Dictionary<string, string> { ["Nilai[Materi]"] = "3", ["Nilai[Narasumber]"] = "3", ["Nilai[Penyelenggaraan]"] = "3", ["Nilai[Keseluruhan]"] = "3" })) { }

        var figures = await _c.In.InCampusAsync(sp => sp.GetRequiredService<IProgramReport>().ProgramsAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
        var f = Assert.Single(figures);
        Assert.Equal((program, "Dalam periode", "workshop", "SOP.P2KLLK-04-B", "pendaftaran", 2), (f.Id, f.Judul, f.Jenis, f.SopKode, f.Status, f.Kapasitas));
        Assert.Equal((2, 1, 1, 1, 3.0, 1), (f.Terdaftar, f.DaftarTunggu, f.Hadir, f.Evaluasi, f.NilaiRataRata!.Value, f.DirujukKonseling));
        Assert.Equal($"admin/program/{program}", f.Tautan);
        Assert.DoesNotContain(figures, x => x.Id == later);
        Assert.NotNull(b);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// Seed 001's Layanan Konseling Mahasiswa Rujukan (IK-KA-RUJUKAN) from the dosen PA's own referral form to the archive:
/// the referral is a case, the dosen PA lane is the referrer alone, the student is the client, the agreement, the service not
/// before the agreed time, the numbered Surat Rujukan with the external referral, the external result, the numbered report.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReferralSopTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Staf = "Staf Konseling & Asesmen", DosenPa = "Dosen Pembimbing Akademik";
    private SeedCaseWalk _walk = null!;

    public async Task InitializeAsync() => _walk = new SeedCaseWalk(platform, await platform.CreateTenantAsync("konseling-asesmen", "rujuk001"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_dosen_PA_refers_a_student_and_the_referral_runs_as_a_case_to_the_archive()
    {
        var prefix = _walk.Campus.Prefix;
        var dosen = await _walk.PersonAsync(DosenPa);
        var otherDosen = await _walk.AddPersonAsync(DosenPa, "Dr. Lain, M.T.");
        var staf = await _walk.PersonAsync(Staf);
        var student = await _walk.PersonAsync("Mahasiswa");
        var otherStudent = await _walk.AddPersonAsync("Mahasiswa", "Mahasiswa Lain");
        var eksternal = await _walk.PersonAsync("Pihak Eksternal");
        var unit = await _walk.PersonAsync("Unit Kerja Terkait");

        // The dosen PA has no bare "Mulai" on the SOP page; staff who do are told the SOP starts from a case.
        var sopPage = $"{prefix}/admin/sop/{await _walk.In.DefinitionIdAsync("IK-KA-RUJUKAN")}";
        using var asDosen = platform.Client();
        await asDosen.SignInAsync(prefix, dosen.Email, "Demo12345");
        Assert.Null((await asDosen.PageAsync(sopPage)).Page.QuerySelector("form[action*='handler=Start']"));
        using var asStaf = platform.Client();
        await asStaf.SignInAsync(prefix, staf.Email, "Demo12345");
        Assert.NotNull((await asStaf.PageAsync(sopPage)).Page.QuerySelector("#mulai-dari-kasus"));

        // Step 1's report arrives through the dosen PA's own form; a missing reason is refused where it was typed, nothing lost.
        const string alasan = "Nilai turun dua semester berturut-turut dan mahasiswa menarik diri dari kelas.";
        var form = new Dictionary<string, string> { ["Nama"] = student.Nama, ["Nim"] = "2021001111", ["Prodi"] = "Teknik Informatika", ["Email"] = student.Email, ["Alasan"] = "" };
        using (var refused = await asDosen.SubmitAsync($"{prefix}/admin/kasus/rujuk", "form.refer", form))
        {
            var page = await TestClient.ParseAsync(refused);
            Assert.Contains("paling sedikit 10 karakter", page.QuerySelector("form.refer .field-error")!.TextContent);
            Assert.Equal("2021001111", page.QuerySelector("#Nim")!.GetAttribute("value"));
        }
        form["Alasan"] = alasan;
        using (var sent = await asDosen.SubmitAsync($"{prefix}/admin/kasus/rujuk", "form.refer", form))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var c = await _walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2021001111"));
        Assert.Equal(("rujukan", dosen.Nama, "IK-KA-RUJUKAN", student.Id), (c.Sumber, c.Perujuk, c.SopKode, c.PenggunaId));
        // The reason is counseling-tier, encrypted; the case row carries none of it.
        var stored = (string)(await TestDatabase.ScalarAsync(_walk.Campus.Database, $"SELECT string_agg(isi, '|') FROM kasus.entries WHERE case_id = '{c.Id}' AND tingkat = 'konseling'"))!;
        Assert.DoesNotContain("menarik diri", stored);
        var instance = await _walk.InstanceAsync(c);
        Assert.Equal(("rujukan", dosen.Id, student.Id), (instance.Konteks["masuk"], instance.Konteks["penugasan.dosenPA"], instance.Konteks["klien"]));

        // 1. Staff receive the report; the referring dosen PA shares the step, no other dosen PA and no student does.
        Assert.Equal("1", instance.Aktif.Single().StepId);
        Assert.True(await _walk.MayActAsync(c, "1", dosen));
        Assert.False(await _walk.MayActAsync(c, "1", otherDosen));
        Assert.False(await _walk.MayActAsync(c, "1", student));
        Assert.NotNull(await _walk.CompleteAsync(c, "1", otherDosen));
        Assert.Null(await _walk.CompleteAsync(c, "1", staf));

        // 2. Staff tell the student the service and agree its time: not done without the agreement.
        Assert.False(await _walk.MayActAsync(c, "2", student));
        Assert.Contains("belum dikerjakan", await _walk.CompleteAsync(c, "2", staf));
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var janji = await _walk.AgreeAsync(c, staf, day, new TimeOnly(10, 0), "Ruang Konseling & Asesmen");
        Assert.Null(await _walk.CompleteAsync(c, "2", staf));
        Assert.StartsWith("jadwal ", SeedCaseWalk.Output(await _walk.InstanceAsync(c), "2", "Kesepakatan waktu layanan"));

        // 3. The service on the agreed time: due at it, not before it; the student is its client, another student is not.
        var step3 = (await _walk.InstanceAsync(c)).Aktif.Single();
        Assert.Equal(janji, step3.JatuhTempo);
        Assert.True(await _walk.MayActAsync(c, "3", student));
        Assert.False(await _walk.MayActAsync(c, "3", otherStudent));
        Assert.Contains("baru dapat diselesaikan setelah janji", await _walk.CompleteAsync(c, "3", staf));
        var held = await _walk.SessionTimeComesAsync(c);
        Assert.Equal(held, (await _walk.InstanceAsync(c)).Aktif.Single().JatuhTempo);
        Assert.NotNull(await _walk.CompleteAsync(c, "3", otherStudent));
        Assert.Null(await _walk.CompleteAsync(c, "3", staf));

        // 4. The log book; 5. external help is needed.
        Assert.Null(await _walk.CompleteAsync(c, "4", staf));
        Assert.Null(await _walk.CompleteAsync(c, "k5", staf, "Perlu layanan eksternal"));

        // 5. The Surat Rujukan to the named external party, with the referral recorded: nothing else completes the step.
        Assert.Contains("surat surat-rujukan", await _walk.CompleteAsync(c, "5", staf));
        var nomorRujukan = await _walk.ReferOutAsync(c, staf, "RSJ Menur Surabaya");
        Assert.Matches(@"^\d{3}/KA/RJK/[IVX]+/\d{4}$", nomorRujukan);
        Assert.Null(await _walk.CompleteAsync(c, "5", staf));
        var done5 = await _walk.InstanceAsync(c);
        Assert.Contains(nomorRujukan, SeedCaseWalk.Output(done5, "5", "Surat rujukan"));
        Assert.Contains("RSJ Menur Surabaya", SeedCaseWalk.Output(done5, "5", "rujukan eksternal"));

        // 6. The external result into the database: the external party may record the step, the unit concerned may not.
        Assert.True(await _walk.MayActAsync(c, "6", eksternal));
        Assert.False(await _walk.MayActAsync(c, "6", unit));
        Assert.Contains("hasil layanan eksternal", await _walk.CompleteAsync(c, "6", eksternal));
        await _walk.AssignAsync(c, staf, staf);
        Assert.Null(await _walk.ResultAsync(c, staf, "Diagnosis gangguan tidur; kontrol dua minggu sekali."));
        Assert.Null(await _walk.CompleteAsync(c, "6", eksternal));

        // 7. The numbered report to the unit concerned closes the case into the archive.
        Assert.False(await _walk.MayActAsync(c, "7", dosen));
        Assert.Contains("surat laporan-hasil-layanan", await _walk.CompleteAsync(c, "7", staf));
        var laporan = await _walk.LetterAsync(c, "laporan-hasil-layanan", new Dictionary<string, string> { ["unit_kerja"] = "Program Studi Teknik Informatika" });
        Assert.Matches(@"^\d{3}/KA/LHL/[IVX]+/\d{4}$", laporan);
        Assert.Null(await _walk.CompleteAsync(c, "7", staf));

        var end = await _walk.InstanceAsync(c);
        Assert.Equal(InstanceStatus.Selesai, end.Status);
        Assert.Equal(["1", "2", "3", "4", "k5", "5", "6", "7"], end.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).Select(e => e.StepId!));
        Assert.Equal(eksternal.Nama, SeedCaseWalk.DoneBy(end, "6"));
        Assert.Equal(CaseStatus.Selesai, (await _walk.CaseAsync(c.Id)).Status);
        Assert.Equal([nomorRujukan, laporan], await _walk.LetterNumbersAsync(c));
        Assert.True(await _walk.ArchivedAsync(c) > 0);
    }

    [Fact]
    public async Task An_advisor_system_refers_over_the_API_naming_the_dosen_PA_and_the_case_starts_at_the_referral_entry()
    {
        var prefix = _walk.Campus.Prefix;
        var dosen = await _walk.PersonAsync(DosenPa);
        using var admin = platform.Client();
        await admin.SignInAsync(prefix, _walk.Campus.AdminEmail, _walk.Campus.AdminPassword);
        using (var role = await admin.SubmitAsync($"{prefix}/admin/peran/baru", "main form", new Dictionary<string, string> { ["RoleName"] = "Sistem Dosen PA", ["Description"] = "Integrasi", ["Granted"] = "ReferCases" }))
            Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        using var created = await admin.SubmitAsync($"{prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = "Sistem Dosen PA", ["Peran"] = "Sistem Dosen PA" });
        var key = (await TestClient.ParseAsync(created)).QuerySelector("#kunci-baru")!.TextContent;

        async Task<HttpResponseMessage> ReferAsync(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{prefix}/api/v1/kasus/rujukan") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", key);
            return await admin.Http.SendAsync(request);
        }

        using var unknown = await ReferAsync(new { nama = "Bima", nim = "2020004321", perujukEmail = "bukan-dosen@kampus.test", alasan = "Sering absen." });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("bukan-dosen@kampus.test", await unknown.Content.ReadAsStringAsync());

        // Without naming an SOP: the campus's one SOP that takes referrals; the dosen PA named by e-mail is the referrer.
        using var ok = await ReferAsync(new { nama = "Bima Saputra", nim = "2020004321", perujukEmail = dosen.Email, alasan = "Sering absen dan tampak cemas." });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var nomor = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nomor").GetString();
        var c = await _walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nomor == nomor));
        Assert.Equal(("IK-KA-RUJUKAN", dosen.Nama, null), (c.SopKode, c.Perujuk, c.PenggunaId));
        var instance = await _walk.InstanceAsync(c);
        Assert.Equal(("rujukan", dosen.Id), (instance.Konteks["masuk"], instance.Konteks["penugasan.dosenPA"]));
        Assert.False(instance.Konteks.ContainsKey("klien"));
        Assert.True(await _walk.MayActAsync(c, "1", dosen));
        Assert.False(await _walk.MayActAsync(c, "1", await _walk.AddPersonAsync(DosenPa, "Dosen Lain")));
    }
}

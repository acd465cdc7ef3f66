using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// Seed 001's Layanan Konseling Mahasiswa Inisiatif Sendiri (IK-KA-INISIATIF) from the student's own request to the archive:
/// step 1 done by the form, staff check and identify, the agreement in the log book, the service due at the agreed time,
/// the numbered Surat Rujukan with the referral, the external result.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InitiativeSopTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Staf = "Staf Konseling & Asesmen";
    private SeedCaseWalk _walk = null!;

    public async Task InitializeAsync() => _walk = new SeedCaseWalk(platform, await platform.CreateTenantAsync("konseling-asesmen", "inis001"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_student_asks_for_counseling_and_the_request_runs_to_the_archive()
    {
        var prefix = _walk.Campus.Prefix;
        var staf = await _walk.PersonAsync(Staf);
        var student = await _walk.PersonAsync("Mahasiswa");
        var otherStudent = await _walk.AddPersonAsync("Mahasiswa", "Mahasiswa Lain");
        var eksternal = await _walk.PersonAsync("Pihak Eksternal");

        // 1. The student, signed in, tells the service what they need through the form: that is step 1, done by the system.
        using var asStudent = platform.Client();
        await asStudent.SignInAsync(prefix, student.Email, "Demo12345");
        using var sent = await asStudent.SubmitAsync($"{prefix}/formulir/permohonan-layanan", "form.intake", new Dictionary<string, string>
        {
            ["f_nama"] = student.Nama, ["f_nim"] = "2021002222", ["f_prodi"] = "Psikologi", ["f_email"] = student.Email, ["f_hp"] = "081234567890",
            ["f_jenis-layanan"] = "Konseling", ["f_uraian"] = "Saya sulit tidur menjelang ujian dan mudah panik.", ["f_setuju"] = "setuju",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var c = await _walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));
        var instance = await _walk.InstanceAsync(c);
        Assert.Equal(("Sistem", $"formulir {code}"), (SeedCaseWalk.DoneBy(instance, "1"), SeedCaseWalk.Output(instance, "1", "Permohonan layanan")));
        Assert.Equal("2", instance.Aktif.Single().StepId);

        // 2–3. Staff check the student's status and identify the service; the student and other students do not.
        Assert.False(await _walk.MayActAsync(c, "2", student));
        Assert.NotNull(await _walk.CompleteAsync(c, "2", otherStudent));
        Assert.Null(await _walk.CompleteAsync(c, "2", staf));
        Assert.Null(await _walk.CompleteAsync(c, "3", staf));

        // 4. The form does not ask when: staff decide; the agreement in the log book is the step's work.
        Assert.Null(await _walk.CompleteAsync(c, "k4", staf, "Ya, pada waktu lain"));
        Assert.Contains("kesepakatan jadwal", await _walk.CompleteAsync(c, "4", staf));
        var janji = await _walk.AgreeAsync(c, staf, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), new TimeOnly(13, 0), "Ruang Konseling & Asesmen");
        Assert.Null(await _walk.CompleteAsync(c, "4", staf));
        Assert.StartsWith("jadwal ", SeedCaseWalk.Output(await _walk.InstanceAsync(c), "4", "Kesepakatan pemberian layanan"));

        // 5. The service, due at the agreed time; the student is its client and may record it, another student may not.
        Assert.Equal(janji, (await _walk.InstanceAsync(c)).Aktif.Single().JatuhTempo);
        Assert.True(await _walk.MayActAsync(c, "5", student));
        Assert.False(await _walk.MayActAsync(c, "5", otherStudent));
        Assert.Null(await _walk.CompleteAsync(c, "5", staf));

        // 7. External help is needed: the numbered Surat Rujukan and the referral, nothing less.
        Assert.Null(await _walk.CompleteAsync(c, "k6", staf, "Membutuhkan layanan eksternal"));
        Assert.Contains("rujukan eksternal", await _walk.CompleteAsync(c, "7", staf));
        var nomor = await _walk.ReferOutAsync(c, staf, "Biro Psikologi Harapan");
        Assert.Matches(@"^\d{3}/KA/RJK/[IVX]+/\d{4}$", nomor);
        Assert.Null(await _walk.CompleteAsync(c, "7", staf));

        // 8. The external result into the service's database closes the case into the archive.
        Assert.True(await _walk.MayActAsync(c, "8", eksternal));
        Assert.Contains("hasil layanan eksternal", await _walk.CompleteAsync(c, "8", staf));
        await _walk.AssignAsync(c, staf, staf);
        Assert.Null(await _walk.ResultAsync(c, staf, "Psikolog: relaksasi dan konseling lanjutan empat sesi."));
        Assert.Null(await _walk.CompleteAsync(c, "8", staf));

        var end = await _walk.InstanceAsync(c);
        Assert.Equal(InstanceStatus.Selesai, end.Status);
        Assert.Equal(["1", "2", "3", "k4", "4", "5", "k6", "7", "8"], end.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).Select(e => e.StepId!));
        Assert.Contains(nomor, SeedCaseWalk.Output(end, "7", "Surat rujukan"));
        Assert.Equal(CaseStatus.Selesai, (await _walk.CaseAsync(c.Id)).Status);
        Assert.True(await _walk.ArchivedAsync(c) > 0);
    }

    [Fact]
    public async Task A_walk_in_student_is_recorded_by_staff_and_served_at_once_with_a_numbered_report()
    {
        var staf = await _walk.PersonAsync(Staf);
        var c = await _walk.In.InCampusAsync(async sp =>
        {
            using var asStaf = platform.Client();
            await asStaf.SignInAsync(_walk.Campus.Prefix, staf.Email, "Demo12345");
            using var opened = await asStaf.SubmitAsync($"{_walk.Campus.Prefix}/admin/kasus/baru", "form.new-case", new Dictionary<string, string>
            {
                ["Nama"] = "Rudi Hartono", ["Nim"] = "2022003333", ["JenisKlien"] = "Mahasiswa", ["Cara"] = "Datang langsung", ["Sop"] = "IK-KA-INISIATIF",
            });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            return await sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2022003333");
        });
        // No form was sent: step 1 is the staff's to record, on the student's behalf.
        Assert.Equal("1", (await _walk.InstanceAsync(c)).Aktif.Single().StepId);
        Assert.True(await _walk.MayActAsync(c, "1", staf));
        foreach (var step in new[] { "1", "2", "3" }) Assert.Null(await _walk.CompleteAsync(c, step, staf));
        Assert.Null(await _walk.CompleteAsync(c, "k4", staf, "Tidak, langsung diberikan"));
        Assert.Null((await _walk.InstanceAsync(c)).Aktif.Single().JatuhTempo);
        Assert.Null(await _walk.CompleteAsync(c, "5", staf));
        Assert.Null(await _walk.CompleteAsync(c, "k6", staf, "Tidak membutuhkan layanan eksternal"));
        Assert.Contains("surat laporan-hasil-layanan", await _walk.CompleteAsync(c, "6", staf));
        var laporan = await _walk.LetterAsync(c, "laporan-hasil-layanan");
        Assert.Null(await _walk.CompleteAsync(c, "6", staf));
        var end = await _walk.InstanceAsync(c);
        Assert.Equal(InstanceStatus.Selesai, end.Status);
        Assert.Contains(laporan, SeedCaseWalk.Output(end, "6", "Laporan hasil layanan"));
        Assert.True(await _walk.ArchivedAsync(c) > 0);
    }
}

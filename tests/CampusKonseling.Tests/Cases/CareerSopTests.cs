using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// UNIPMA's Layanan Konseling Karier (SOP.P2KLLK-04, seed 000 part A) from the alumnus's request to the archive: steps 1–2 done
/// by the form, the numbered recommendation naming the counselor, the agreement between that counselor and the alumnus (who
/// confirms it on their own page), the Berita Acara due at the session, the session not before its time, the numbered report.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CareerSopTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Alumni = "Calon Alumni/Alumni", Kepala = "Kepala/Sekretaris P2KLLK";
    private SeedCaseWalk _walk = null!;

    public async Task InitializeAsync() => _walk = new SeedCaseWalk(platform, await platform.CreateTenantAsync("unipma", "karier000"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_alumnus_asks_and_the_recommended_counselor_counsels_and_reports_to_the_archive()
    {
        var prefix = _walk.Campus.Prefix;
        var alumnus = await _walk.PersonAsync(Alumni);
        var otherAlumnus = await _walk.AddPersonAsync(Alumni, "Alumnus Lain");
        var tu = await _walk.PersonAsync("TU");
        var kepala = await _walk.PersonAsync(Kepala);
        var konselor = await _walk.PersonAsync("Konselor");
        var otherKonselor = await _walk.AddPersonAsync("Konselor", "Konselor Lain, M.Psi.");

        // 1–2. The alumnus, signed in, fills the request form: both steps are done by it, at once, within their hour.
        using var asAlumnus = platform.Client();
        await asAlumnus.SignInAsync(prefix, alumnus.Email, "Demo12345");
        using var sent = await asAlumnus.SubmitAsync($"{prefix}/formulir/permohonan-konseling-karier", "form.intake", new Dictionary<string, string>
        {
            ["f_nama"] = alumnus.Nama, ["f_status"] = "Alumni", ["f_tahun-lulus"] = "2023", ["f_nim"] = "1901020033", ["f_prodi"] = "Pendidikan Ekonomi",
            ["f_email"] = alumnus.Email, ["f_hp"] = "081234567890", ["f_topik"] = "Bingung memilih antara melanjutkan S2 atau bekerja di bank.",
            ["f_saluran"] = "Tatap muka", ["f_setuju"] = "setuju",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var c = await _walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));
        var instance = await _walk.InstanceAsync(c);
        Assert.Equal(alumnus.Id, instance.Konteks["klien"]);
        foreach (var step in new[] { "1", "2" })
        {
            var done = instance.Riwayat.Single(e => e.StepId == step && e.Jenis == StepEventKind.Diselesaikan);
            var activated = instance.Riwayat.Single(e => e.StepId == step && e.Jenis == StepEventKind.Diaktifkan);
            Assert.Equal("Sistem", done.OlehNama);
            Assert.True(done.Pada <= activated.JatuhTempo, $"langkah {step} dalam baku 1 jam");
        }
        Assert.Equal($"formulir {code}", SeedCaseWalk.Output(instance, "2", "Form permohonan konseling"));

        // 3. P2KLLK makes the numbered recommendation and names the counselor; the counselors and the alumnus do not act here.
        var step3 = instance.Aktif.Single();
        Assert.Equal(("3", null), (step3.StepId, step3.JatuhTempo));
        Assert.True(await _walk.MayActAsync(c, "3", kepala));
        Assert.True(await _walk.MayActAsync(c, "3", tu));
        Assert.False(await _walk.MayActAsync(c, "3", konselor));
        Assert.False(await _walk.MayActAsync(c, "3", alumnus));
        var refused = await _walk.CompleteAsync(c, "3", kepala);
        Assert.Contains("surat surat-rekomendasi-konseling", refused);
        Assert.Contains("penunjukan konselor", refused);
        var rekomendasi = await _walk.LetterAsync(c, "surat-rekomendasi-konseling", new Dictionary<string, string> { ["konselor"] = konselor.Nama });
        Assert.Matches(@"^\d{3}/REK/P2KLLK/[IVX]+/\d{4}$", rekomendasi);
        await _walk.AssignAsync(c, kepala, konselor);
        Assert.Null(await _walk.CompleteAsync(c, "3", kepala));
        Assert.Contains(rekomendasi, SeedCaseWalk.Output(await _walk.InstanceAsync(c), "3", "Surat rekomendasi konseling"));

        // 4. The recommended counselor, and no other, agrees the session with the alumnus, who confirms it on their own page.
        Assert.True(await _walk.MayActAsync(c, "4", konselor));
        Assert.False(await _walk.MayActAsync(c, "4", otherKonselor));
        Assert.True(await _walk.MayActAsync(c, "4", alumnus));
        Assert.False(await _walk.MayActAsync(c, "4", otherAlumnus));
        Assert.Contains("kesepakatan jadwal", await _walk.CompleteAsync(c, "4", konselor));
        var janji = await _walk.AgreeAsync(c, konselor, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), new TimeOnly(9, 0), "Ruang Konseling P2KLLK");
        Assert.Contains("konfirmasi jadwal oleh klien", await _walk.CompleteAsync(c, "4", konselor));
        var (_, mine) = await asAlumnus.PageAsync($"{prefix}/permohonan-saya");
        Assert.Contains("Ruang Konseling P2KLLK", mine.QuerySelector($"article.langkah-klien[data-langkah='4']")!.TextContent);
        using (var confirmed = await asAlumnus.SubmitAsync(mine, "article.langkah-klien[data-langkah='4'] form[action*='handler=Konfirmasi']", new Dictionary<string, string>(), $"{prefix}/permohonan-saya"))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after4 = await _walk.InstanceAsync(c);
        Assert.Equal(alumnus.Nama, SeedCaseWalk.DoneBy(after4, "4"));
        Assert.StartsWith("jadwal ", SeedCaseWalk.Output(after4, "4", "Kesepakatan Pelaksanaan Konseling"));

        // 5. P2KLLK prepares the room by the session: due at it; the numbered Berita Acara is the step's work.
        Assert.Equal(("5", janji), (after4.Aktif.Single().StepId, after4.Aktif.Single().JatuhTempo));
        Assert.False(await _walk.MayActAsync(c, "5", konselor));
        Assert.Contains("surat berita-acara-pelaksanaan-konseling", await _walk.CompleteAsync(c, "5", kepala));
        var beritaAcara = await _walk.LetterAsync(c, "berita-acara-pelaksanaan-konseling");
        Assert.Matches(@"^\d{3}/BA/P2KLLK/[IVX]+/\d{4}$", beritaAcara);
        Assert.Null(await _walk.CompleteAsync(c, "5", kepala));

        // 6. The session on its agreed time, not before; only the alumnus and their counselor take part.
        Assert.Equal(janji, (await _walk.InstanceAsync(c)).Aktif.Single().JatuhTempo);
        Assert.Contains("baru dapat diselesaikan setelah janji", await _walk.CompleteAsync(c, "6", konselor));
        await _walk.SessionTimeComesAsync(c);
        Assert.NotNull(await _walk.CompleteAsync(c, "6", otherKonselor));
        Assert.NotNull(await _walk.CompleteAsync(c, "6", otherAlumnus));
        Assert.Null(await _walk.CompleteAsync(c, "6", konselor));

        // 7. The counselor's numbered report to P2KLLK closes the case into the archive.
        Assert.False(await _walk.MayActAsync(c, "7", otherKonselor));
        Assert.Contains("surat laporan-konseling", await _walk.CompleteAsync(c, "7", konselor));
        var laporan = await _walk.LetterAsync(c, "laporan-konseling");
        Assert.Matches(@"^\d{3}/LAP/P2KLLK/[IVX]+/\d{4}$", laporan);
        Assert.Null(await _walk.CompleteAsync(c, "7", konselor));

        var end = await _walk.InstanceAsync(c);
        Assert.Equal(InstanceStatus.Selesai, end.Status);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], end.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).Select(e => e.StepId!));
        Assert.Equal([rekomendasi, beritaAcara, laporan], await _walk.LetterNumbersAsync(c));
        Assert.Equal(CaseStatus.Selesai, (await _walk.CaseAsync(c.Id)).Status);
        Assert.True(await _walk.ArchivedAsync(c) > 0);
    }
}

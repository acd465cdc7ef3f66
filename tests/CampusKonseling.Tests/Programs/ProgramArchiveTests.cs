using System.Net;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>
/// Programmes in the archive (issue 14): a finished workshop is filed and found by its title or a letter's number, with its
/// attendance count and report; its list status follows its end, not its registration; a programme letter missing a required
/// field is refused naming it; the participant finds their ticket on their own page.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramArchiveTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_finished_workshop_is_found_in_the_archive_with_its_letters_attendance_and_report()
    {
        using var c = await ProgramCampus.CreateAsync(platform, "progarsip");
        var word = "Arsipuji" + Guid.NewGuid().ToString("N")[..6];
        var id = await c.NewProgramAsync(judul: $"Workshop Minat Bakat {word}");
        var came = await c.RegisteredAsync(platform, id, "Anisa Putri Rahmawati", "mahasiswa@unipma.demo", "2101020011");
        await c.RegisteredAsync(platform, id, "Bagus Wicaksono", $"{Guid.NewGuid():N}@mahasiswa.test", "2101020012");
        await TestDatabase.ExecuteAsync(c.Campus.Database, $"UPDATE program.participants SET hadir_pada = now(), hadir_oleh = 'uji' WHERE id = '{came.Id}'");

        // The participant sees their ticket on their own page.
        using (var student = platform.Client())
        {
            await student.SignInAsync(c.Campus.Prefix, "mahasiswa@unipma.demo", "Demo12345");
            var (_, mine) = await student.PageAsync($"{c.Campus.Prefix}/permohonan-saya");
            var ticket = mine.QuerySelectorAll(".tiket").Single(t => t.TextContent.Contains(word));
            Assert.Equal("terdaftar", ticket.GetAttribute("data-status"));
            Assert.EndsWith($"/program/tiket/{came.Token}", ticket.QuerySelector("a.button")!.GetAttribute("href"));
        }

        // The committee's report, then the programme is finished.
        using (var made = await c.StaffPostAsync(id, "Surat", new Dictionary<string, string> { ["templat"] = "laporan-layanan-minat-bakat" }))
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var report = (await c.In.InCampusAsync(async sp => await sp.GetRequiredService<ProgramLetters>()
            .OfAsync(await sp.GetRequiredService<ProgramsDb>().Programs.SingleAsync(p => p.Id == id), default))).Single();
        using (var finished = await c.StaffPostAsync(id, "Status", new Dictionary<string, string> { ["status"] = ProgramStatus.Selesai }))
            Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);

        var (_, list) = await c.Admin.PageAsync($"{c.Campus.Prefix}/admin/program");
        Assert.Equal("selesai", list.QuerySelector($"tr[data-program='{id}'] .badge")!.TextContent.Trim());

        // Found by a word of its title and by its report's number; the hit says how many came and which report, and leads to it.
        foreach (var q in new[] { word, report.Nomor })
        {
            var (_, found) = await c.Admin.PageAsync($"{c.Campus.Prefix}/admin/arsip?Q={Uri.EscapeDataString(q)}");
            var hit = found.QuerySelector($"li.hit[data-subjek='{id}']");
            Assert.True(hit is not null, $"'{q}' finds the programme: {found.QuerySelector(".results")?.TextContent}");
            Assert.EndsWith($"/admin/program/{id}", hit!.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Contains(word, hit.QuerySelector("h3")!.TextContent);
            Assert.Equal($"workshop · 2 terdaftar, 1 hadir · laporan {report.Nomor}", hit.QuerySelector(".keterangan")!.TextContent.Trim());
            Assert.Contains(report.Nomor, hit.QuerySelector(".meta")!.TextContent);
        }
        // No participant is named in the archive.
        var text = (string)(await TestDatabase.ScalarAsync(c.Campus.Database, $"SELECT teks_umum FROM arsip.records WHERE subjek_id = '{id}'"))!;
        Assert.DoesNotContain("Anisa", text);
        Assert.DoesNotContain("Bagus", text);
    }

    [Fact]
    public async Task A_programme_letter_with_an_empty_required_field_is_refused_naming_it_and_signed_by_the_signing_user()
    {
        using var c = await ProgramCampus.CreateAsync(platform, "progsurat");
        var id = await c.NewProgramAsync();
        // Two holders of the signing role and neither is recorded as "Kepala P2KLLK": who signs is unknown.
        await TestDatabase.ExecuteAsync(c.Campus.Database, "UPDATE identity.\"AspNetUsers\" SET \"Jabatan\" = NULL WHERE \"Email\" = 'kepala@unipma.demo'");
        await c.In.InCampusAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CampusKonseling.Identity.Data.CampusUser>>();
            var user = new CampusKonseling.Identity.Data.CampusUser { UserName = "sekretaris@unipma.demo", Email = "sekretaris@unipma.demo", FullName = "Sri Lestari, M.Pd.", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo12345")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "Kepala/Sekretaris P2KLLK")).Succeeded);
            return 0;
        });

        using (var refused = await c.StaffPostAsync(id, "Surat", new Dictionary<string, string> { ["templat"] = "surat-pemberitahuan-kaprodi" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await TestClient.ParseAsync(refused);
            Assert.Equal("Surat belum dibuat: isian wajib masih kosong: nama penandatangan. Lengkapi data program atau profil penanda tangan.",
                page.QuerySelector(".letters-make + .field-error")!.TextContent.Trim());
        }
        Assert.Empty(await LettersAsync(c, id));

        // The Kepala, making it themself, signs it: their name and NIP (from their profile) are on the letter.
        using var kepala = platform.Client();
        await kepala.SignInAsync(c.Campus.Prefix, "kepala@unipma.demo", "Demo12345");
        var path = $"{c.Campus.Prefix}/admin/program/{id}";
        var (_, program) = await kepala.PageAsync(path);
        using (var made = await kepala.PostWithTokenAsync(program, $"{path}?handler=Surat", new Dictionary<string, string> { ["templat"] = "surat-pemberitahuan-kaprodi" }))
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var letter = (await LettersAsync(c, id)).Single();
        Assert.Empty(letter.IsianKosong);
        using var html = await kepala.GetAsync($"{path}?handler=Unduh&surat={letter.Id}&html=true");
        var printed = await html.Content.ReadAsStringAsync();
        Assert.Contains("Dr. Endah Purwaningsih, M.Pd.", printed);
        Assert.Contains("NIP. 197803152005012001", printed);
        Assert.Contains("Ketua Program Studi seluruh program studi", printed); // the audience's prodi, none chosen
    }

    private static Task<IReadOnlyList<CampusKonseling.Documents.GeneratedLetter>> LettersAsync(ProgramCampus c, Guid id) =>
        c.In.InCampusAsync(async sp => await sp.GetRequiredService<ProgramLetters>().OfAsync(await sp.GetRequiredService<ProgramsDb>().Programs.SingleAsync(p => p.Id == id), default));
}

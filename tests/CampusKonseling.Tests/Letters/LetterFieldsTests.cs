using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Documents;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Letters;

/// <summary>
/// Letters ready to sign (issue 14): a case letter is filled from the case, the request's form answers, the student directory
/// and the signer's own profile (name, NIP/NIDN, position) — never from names fixed in the recipe; a letter with a required
/// field empty is refused naming it; a new version starts from the values of the letter it corrects.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterFieldsTests(PlatformFixture platform)
{
    private const string Rekomendasi = "surat-rekomendasi-konseling", Kepala = "Kepala/Sekretaris P2KLLK";
    private static SeedCaseWalk? _unipma, _ipdn;

    private async Task<SeedCaseWalk> UnipmaAsync() => _unipma ??= new SeedCaseWalk(platform, await platform.CreateTenantAsync("unipma", "suratisi"));

    /// <summary>An alumnus's request through UNIPMA's career form; its prodi is a plain form field (no "petakan").</summary>
    private static async Task<CaseRow> RequestAsync(PlatformFixture platform, SeedCaseWalk walk, string nim, string prodi)
    {
        using var anonymous = platform.Client();
        using var sent = await anonymous.SubmitAsync($"{walk.Campus.Prefix}/formulir/permohonan-konseling-karier", "form.intake", new Dictionary<string, string>
        {
            ["f_nama"] = "Rahmat Hidayat", ["f_status"] = "Alumni", ["f_tahun-lulus"] = "2023", ["f_nim"] = nim, ["f_prodi"] = prodi,
            ["f_email"] = $"{Guid.NewGuid():N}@alumni.test", ["f_hp"] = "081234567890", ["f_topik"] = "Bingung memilih antara S2 atau bekerja.",
            ["f_saluran"] = "Tatap muka", ["f_setuju"] = "setuju",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        return await walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));
    }

    private static Task<Dictionary<string, string>> FieldsAsync(SeedCaseWalk walk, CaseRow c, string templat, Person signer, Guid? versiDari = null) =>
        walk.In.InCampusAsync(async sp =>
        {
            var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
            return (await sp.GetRequiredService<CaseLetters>().FieldsAsync(row, templat, null, default, signer.Principal, versiDari)).ToDictionary(f => f.Nama, f => f.Nilai);
        });

    private static Task<(GeneratedLetter? Letter, string? Refusal)> GenerateAsync(SeedCaseWalk walk, CaseRow c, string templat, Dictionary<string, string> values, Guid? versiDari = null) =>
        walk.In.InCampusAsync(async sp =>
        {
            var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
            return await sp.GetRequiredService<CaseLetters>().GenerateAsync(row, templat, values, versiDari, default);
        });

    [Fact]
    public async Task A_case_letter_is_filled_from_the_case_the_form_the_directory_and_the_signers_profile()
    {
        var walk = await UnipmaAsync();
        var tu = await walk.PersonAsync("TU");
        var kepala = await walk.PersonAsync(Kepala);
        var konselor = await walk.PersonAsync("Konselor");

        // Not in the directory: the prodi is the form's. The case's counselor, the request's number, the signer by the template's role.
        var c = await RequestAsync(platform, walk, "1901020099", "Pendidikan Ekonomi");
        await walk.AssignAsync(c, kepala, konselor);
        var fields = await FieldsAsync(walk, c, Rekomendasi, tu);
        Assert.Equal("Rahmat Hidayat", fields["nama"]);
        Assert.Equal("1901020099", fields["nim"]);
        Assert.Equal("Pendidikan Ekonomi", fields["prodi"]);
        Assert.Equal(c.KodePelacakan, fields["nomor_permohonan"]);
        Assert.Equal(konselor.Nama, fields["konselor"]);
        // TU prepares it; the Kepala P2KLLK signs it: their name and NIP from their profile, not a name fixed in the recipe.
        Assert.Equal(("Dr. Endah Purwaningsih, M.Pd.", "NIP. 197803152005012001"), (fields["penandatangan"], fields["nomor_induk_penandatangan"]));

        // In the directory (SIAKAD): the directory's prodi is the one the campus keeps.
        await TestDatabase.ExecuteAsync(walk.Campus.Database,
            "INSERT INTO direktori.students (nim, nama, prodi, semester, status, email, telepon, diperbarui_pada, sumber) VALUES ('1901020100', 'Rahmat Hidayat', 'Pendidikan Matematika', 7, 'aktif', NULL, NULL, now(), 'csv')");
        var known = await RequestAsync(platform, walk, "1901020100", "Matematika");
        Assert.Equal("Pendidikan Matematika", (await FieldsAsync(walk, known, Rekomendasi, tu))["prodi"]);

        // A second holder of the signing role: the one whose position is the template's ("Kepala P2KLLK") signs, not the secretary.
        var sekretaris = await walk.AddPersonAsync(Kepala, "Sri Lestari, M.Pd.");
        await TestDatabase.ExecuteAsync(walk.Campus.Database, $"UPDATE identity.\"AspNetUsers\" SET \"Jabatan\" = 'Sekretaris P2KLLK', \"Nidn\" = '0712098501' WHERE \"Id\" = '{sekretaris.Id}'");
        Assert.Equal("Dr. Endah Purwaningsih, M.Pd.", (await FieldsAsync(walk, c, Rekomendasi, tu))["penandatangan"]);
        // The secretary making it signs it themself, with their NIDN.
        var own = await FieldsAsync(walk, c, Rekomendasi, sekretaris);
        Assert.Equal(("Sri Lestari, M.Pd.", "NIDN. 0712098501"), (own["penandatangan"], own["nomor_induk_penandatangan"]));

        // The PDF shows the signer and the request, with no blanks.
        var (letter, refusal) = await GenerateAsync(walk, c, Rekomendasi, fields);
        Assert.Null(refusal);
        Assert.Empty(letter!.IsianKosong);
        var pdf = LetterCampus.PdfText((await walk.In.InCampusAsync(sp => sp.GetRequiredService<CaseLetters>().OpenAsync(c, letter.Id, false, default)))!.Isi);
        foreach (var text in new[] { "Dr. Endah Purwaningsih, M.Pd.", "NIP. 197803152005012001", "Pendidikan Ekonomi", c.KodePelacakan! })
            Assert.Contains(text, pdf);
    }

    [Fact]
    public async Task A_letter_with_an_empty_required_field_is_refused_naming_it_and_a_new_version_starts_from_the_earlier_values()
    {
        var walk = await UnipmaAsync();
        var tu = await walk.PersonAsync("TU");
        var c = await RequestAsync(platform, walk, "1901020101", "Pendidikan Bahasa Inggris");
        var fields = await FieldsAsync(walk, c, Rekomendasi, tu);
        Assert.Equal("", fields["konselor"]); // nobody recommended yet
        fields["penandatangan"] = " ";
        var (none, refusal) = await GenerateAsync(walk, c, Rekomendasi, fields);
        Assert.Null(none);
        Assert.Equal("Surat belum dibuat: isian wajib masih kosong: konselor, nama penandatangan.", refusal);
        Assert.Empty(await walk.LetterNumbersAsync(c));

        // Made with what staff typed; a correction starts from those values, not from the case again.
        fields["konselor"] = "Drs. Bambang Sutejo, M.Pd.";
        fields["penandatangan"] = "Dr. Endah Purwaningsih, M.Pd.";
        fields["prodi"] = "Pendidikan Bahasa dan Sastra Inggris";
        var (first, _) = await GenerateAsync(walk, c, Rekomendasi, fields);
        var again = await FieldsAsync(walk, c, Rekomendasi, tu, first!.Id);
        Assert.Equal("Drs. Bambang Sutejo, M.Pd.", again["konselor"]);
        Assert.Equal("Pendidikan Bahasa dan Sastra Inggris", again["prodi"]);
        Assert.Equal(fields["nomor_permohonan"], again["nomor_permohonan"]);
        again["konselor"] = "Dra. Endang Lestari, M.Psi.";
        var (second, _) = await GenerateAsync(walk, c, Rekomendasi, again, first.Id);
        Assert.Equal((first.Nomor, 2), (second!.Nomor, second.Versi));
        // A letter of another case or template is no starting point.
        var other = await RequestAsync(platform, walk, "1901020102", "Pendidikan Fisika");
        Assert.Equal("Pendidikan Fisika", (await FieldsAsync(walk, other, Rekomendasi, tu, first.Id))["prodi"]);
    }

    [Fact]
    public async Task An_ipdn_letter_carries_the_prajas_tingkat_from_the_form_and_the_head_of_units_signature()
    {
        var walk = _ipdn ??= new SeedCaseWalk(platform, await platform.CreateTenantAsync("ipdn", "suratipdn"));
        using var anonymous = platform.Client();
        using var sent = await anonymous.SubmitAsync($"{walk.Campus.Prefix}/formulir/pendaftaran-konseling", "form.intake", new Dictionary<string, string>
        {
            ["f_nama"] = "Andi Muhammad Fadli", ["f_tingkat"] = "II", ["f_npp"] = "33.0912", ["f_email"] = $"{Guid.NewGuid():N}@praja.test", ["f_hp"] = "081234567890",
            ["f_keperluan"] = "Ingin berkonsultasi tentang adaptasi di asrama.", ["f_setuju"] = "setuju",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var c = await walk.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.KodePelacakan == code));

        var staf = await walk.PersonAsync("Staf");
        var fields = await FieldsAsync(walk, c, "nota-dinas", staf);
        Assert.Equal(("Andi Muhammad Fadli", "33.0912", "Tingkat II"), (fields["nama"], fields["nim"], fields["tingkat"]));
        Assert.Equal(("Dr. Yanti Herlina, M.Psi., Psikolog", "NIP. 197206101998032002"), (fields["penandatangan"], fields["nomor_induk_penandatangan"]));
        // The problem the praja wrote never reaches a letter's fields.
        Assert.DoesNotContain(fields.Values, v => v.Contains("asrama"));
    }
}

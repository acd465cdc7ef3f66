using CampusKonseling.Letters.Numbering;
using CampusKonseling.Recipes;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Letters;

/// <summary>The "letters" recipe step: mistakes are reported with their JSON path; the seed recipes carry every letter their SOPs name.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LettersRecipeTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_bad_letters_step_is_reported_with_file_path_and_reason()
    {
        const string recipe = """
        {
          "name": "surat-rusak", "displayName": "Surat rusak",
          "steps": [
            { "name": "features", "enable": ["Letters"] },
            { "name": "letters", "templates": [
              { "kode": "surat-tugas", "judul": "Surat Tugas", "nomor": "ST/{romanMonth}/{year}", "isi": ["Menugaskan {nama}."], "tandaTangan": { "jabatan": "Rektor" } },
              { "kode": "Surat Rujukan", "judul": "", "nomor": "{seq}/{bulan}/{year}", "isi": "Yth. {nama", "tandaTangan": { } },
              { "kode": "surat-tugas", "judul": "Lagi", "nomor": "{seq}", "isi": "x", "tandaTangan": { "jabatan": "Rektor" } }
            ] }
          ]
        }
        """;
        var (_, result) = await platform.Services.GetRequiredService<IRecipeRunner>().ValidateAsync("surat-rusak.recipe.json", recipe, null);

        var errors = result.Errors.Select(e => (e.File, e.Path, e.Reason)).ToList();
        Assert.Contains(errors, e => e.File == "surat-rusak.recipe.json" && e.Path == "$.steps[1].templates[0].nomor" && e.Reason.Contains("{seq}"));
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[1].kode" && e.Reason.Contains("huruf kecil"));
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[1].judul");
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[1].nomor" && e.Reason.Contains("{bulan}"));
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[1].isi" && e.Reason.Contains("tidak berpasangan"));
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[1].tandaTangan.jabatan");
        Assert.Contains(errors, e => e.Path == "$.steps[1].templates[2].kode" && e.Reason.Contains("dua kali"));
    }

    [Theory]
    [InlineData("unipma", new[] { "form-permohonan-konseling", "surat-rekomendasi-konseling", "kesepakatan-pelaksanaan-konseling", "berita-acara-pelaksanaan-konseling", "laporan-konseling", "surat-tugas-workshop-minat-bakat", "surat-pemberitahuan-kaprodi" })]
    [InlineData("ipdn", new[] { "nota-dinas", "lembar-disposisi", "surat-rujukan", "laporan-hasil-terapi", "laporan-rencana-pengawasan", "laporan-hasil-pengawasan" })]
    [InlineData("konseling-asesmen", new[] { "surat-rujukan", "laporan-hasil-layanan" })]
    [InlineData("iuqi", new[] { "surat-tugas", "surat-pemberitahuan" })]
    [InlineData("unpam", new[] { "laporan-hasil-layanan" })]
    public void Each_seed_recipe_enables_letters_and_declares_the_letters_its_sop_names(string recipe, string[] kode)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, recipe + ".recipe.json")));
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains("Letters", steps.First(s => s.GetProperty("name").GetString() == "features").GetProperty("enable").EnumerateArray().Select(e => e.GetString()));
        var templates = steps.Single(s => s.GetProperty("name").GetString() == "letters").GetProperty("templates").EnumerateArray().ToList();
        Assert.Subset(templates.Select(t => t.GetProperty("kode").GetString()!).ToHashSet(), kode.ToHashSet());
        Assert.All(templates, t => Assert.Empty(NumberPattern.Validate(t.GetProperty("nomor").GetString())));
    }

    [Fact]
    public void Number_patterns_render_the_roman_month_and_padded_sequence()
    {
        Assert.Equal("007/P2KLLK/XI/2026", NumberPattern.Render("{seq:000}/P2KLLK/{romanMonth}/{year}", 7, new DateOnly(2026, 11, 21)));
        Assert.Equal("1234/IV/2026", NumberPattern.Render("{seq:000}/{romanMonth}/{year}", 1234, new DateOnly(2026, 4, 1)));
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"],
            Enumerable.Range(1, 12).Select(m => NumberPattern.Render("{romanMonth}", 1, new DateOnly(2026, m, 1))));
        Assert.Contains(NumberPattern.Validate("{seq}/{seq}"), e => e.Teks.Contains("sekali"));
        Assert.Contains(NumberPattern.Validate("{seq/X"), e => e.Teks.Contains("tidak berpasangan"));
        Assert.Empty(NumberPattern.Validate("{seq:00}-{month:00}-{month}-{romanMonth}-{year}"));
    }
}

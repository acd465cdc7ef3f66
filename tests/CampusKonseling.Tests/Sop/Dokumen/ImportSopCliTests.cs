using System.Text.Json;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary><c>recipes import-sop FILE</c> prints the document's SOPs as a recipe's sop step, the findings on stderr.</summary>
public sealed class ImportSopCliTests
{
    [Fact]
    public async Task The_CLI_prints_recipe_JSON_for_review_and_the_findings_on_stderr()
    {
        var file = Path.Combine(RepoPaths.Root, "tests", "CampusKonseling.Tests", "Sop", "Dokumen", "Seeds", "003_184da0867f7808c4.txt");
        var (code, output, error) = await Cli.RunAsync("recipes", "import-sop", file);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("sop", json.RootElement.GetProperty("name").GetString());
        var sops = json.RootElement.GetProperty("sops").EnumerateArray().Select(s => DefinitionJson.Deserialize(s.GetRawText())).ToList();
        Assert.Equal(["Administrasi Layanan Bimbingan dan Konseling Praja", "Administrasi Layanan Bimbingan dan Konseling bagi Pegawai",
            "Layanan Konsultasi Konseling Online Bagi Praja", "Administrasi Pelaksanaan Terapi bagi Praj dan Pegawai"], sops.Select(s => s.Judul));
        Assert.Equal(["konselor"], sops[3].Langkah[0].Pelaksana);
        Assert.Contains("baris 2: pelaksana: tidak terbaca: tidak ada tanda", error);
        Assert.Contains("ikatan: lajur 'Kepala Biro III': ikat ke peran kampus", error);

        (code, _, error) = await Cli.RunAsync("recipes", "import-sop", "/tidak/ada.docx");
        Assert.Equal(1, code);
        Assert.Contains("berkas tidak ditemukan", error);
    }
}

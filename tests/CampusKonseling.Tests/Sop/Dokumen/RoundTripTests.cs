using System.Text.Json;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// Export then import gives back the same SOP: every SOP the recipes ship, written as the unit's SOP AP document (DOCX) and
/// read back, has the same lanes, steps (number, kind, description, actors), kelengkapan, waktu, outputs and arrows (next
/// steps, a decision's outcomes and where each leads). Bindings (roles, actions) are not in the document and are not compared.
/// The seeds' own oddities come through: a decision and the step it leads to printed with one number (IK-KA-INISIATIF's two
/// "4"), a decision numbered "6/7", a branch ending mid-table, IUQI's lettered lanes and its "E.2" sub-steps.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> Sops()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Recipes, "*.recipe.json").Order())
            foreach (var sop in ShippedSops(file)) data.Add(Path.GetFileName(file), sop.Kode);
        return data;
    }

    private static IEnumerable<SopDefinition> ShippedSops(string file)
    {
        using var recipe = JsonDocument.Parse(File.ReadAllText(file));
        return recipe.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "sop")
            .SelectMany(s => s.GetProperty("sops").EnumerateArray()).Select(s => DefinitionJson.Deserialize(s.GetRawText())).ToList();
    }

    [Theory]
    [MemberData(nameof(Sops))]
    public void A_shipped_sop_written_as_docx_reads_back_the_same(string recipe, string kode)
    {
        var sop = ShippedSops(Path.Combine(RepoPaths.Recipes, recipe)).Single(s => s.Kode == kode);
        var drafts = SopDocumentReader.ReadDocx(new MemoryStream(SopDocumentWriter.Docx(sop, 3)));
        var draft = Assert.Single(drafts);
        var back = draft.Definisi;

        Assert.Equal(sop.Kode, back.Kode);
        Assert.Equal(sop.Judul, back.Judul);
        Assert.True(sop.Pelaksana.Select(p => p.Nama).SequenceEqual(back.Pelaksana.Select(p => p.Nama)),
            $"lanes {string.Join(" | ", back.Pelaksana.Select(p => p.Nama))}; findings:\n{string.Join("\n", draft.Temuan)}");
        Assert.True(sop.Langkah.Count == back.Langkah.Count,
            $"{back.Langkah.Count} steps ({string.Join(", ", back.Langkah.Select(l => $"{l.Id}:{l.Label}:{l.Jenis}"))}), not {sop.Langkah.Count} ({string.Join(", ", sop.Langkah.Select(l => $"{l.Id}:{l.Label}:{l.Jenis}"))}); findings:\n{string.Join("\n", draft.Temuan)}");
        string Lanes(SopDefinition d, Langkah l) => string.Join(" + ", l.Pelaksana.Select(p => d.Lane(p)?.Nama ?? p).Order());
        string Target(SopDefinition d, string id) => d.Find(id)?.Label ?? id;
        for (var i = 0; i < sop.Langkah.Count; i++)
        {
            var (a, b) = (sop.Langkah[i], back.Langkah[i]);
            var where = $"{kode} langkah {a.Label}";
            Assert.True(a.Label == b.Label, $"{where}: no {b.Label}");
            Assert.True(a.Jenis == b.Jenis, $"{where}: jenis {b.Jenis}, not {a.Jenis}");
            Assert.True(Norm(a.Uraian) == Norm(b.Uraian), $"{where}: uraian\n{b.Uraian}");
            Assert.True(Lanes(sop, a) == Lanes(back, b), $"{where}: pelaksana {Lanes(back, b)}, not {Lanes(sop, a)}");
            Assert.True(string.Join(" | ", a.Kelengkapan.Select(Norm)) == string.Join(" | ", b.Kelengkapan.Select(Norm)), $"{where}: kelengkapan {string.Join(" | ", b.Kelengkapan)}");
            Assert.True(Norm(a.Waktu) == Norm(b.Waktu), $"{where}: waktu {b.Waktu}");
            Assert.True(Norm(a.Output) == Norm(b.Output), $"{where}: output {b.Output}");
            Assert.True(string.Join(",", a.Lanjut.Select(x => Target(sop, x))) == string.Join(",", b.Lanjut.Select(x => Target(back, x))), $"{where}: lanjut {string.Join(",", b.Lanjut)}");
            Assert.True(string.Join("; ", a.Pilihan.Select(p => $"{p.Nama}→{Target(sop, p.Lanjut)}")) == string.Join("; ", b.Pilihan.Select(p => $"{p.Nama}→{Target(back, p.Lanjut)}")),
                $"{where}: pilihan {string.Join("; ", b.Pilihan.Select(p => $"{p.Nama}→{p.Lanjut}"))}");
        }
    }

    private static string Norm(string? text) => System.Text.RegularExpressions.Regex.Replace(text ?? "", @"\s+", " ").Trim();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// Each of the ten seed SOPs read from its seed text gives the shipped recipe's steps (order, number, uraian, kelengkapan,
/// waktu, output) and lanes where the document marks them; where the recipe says more than the document (its catatan says
/// so), the draft lists the gap as a finding instead. The same seed as a DOCX gives the same draft.
/// </summary>
public sealed class SeedImportTests
{
    public static TheoryData<string> Seeds => new(SeedSop.All.Select(s => s.Name));

    internal static string SeedText(string file) => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "CampusKonseling.Tests", "Sop", "Dokumen", "Seeds", file));

    private static SopDefinition Recipe(SeedSop seed)
    {
        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, $"{seed.Recipe}.recipe.json")));
        var sop = recipe.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "sop")
            .SelectMany(s => s.GetProperty("sops").EnumerateArray()).Single(s => s.GetProperty("kode").GetString() == seed.Kode);
        return DefinitionJson.Deserialize(sop.GetRawText());
    }

    private static string Norm(string? text) => Regex.Replace(text ?? "", @"\s+", "");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_SOP_read_from_its_text_gives_the_recipes_steps_or_lists_what_the_document_does_not_say(string name)
    {
        var seed = SeedSop.All.Single(s => s.Name == name);
        var drafts = SopDocumentReader.ReadText(SeedText(seed.Seed));
        var draft = drafts[seed.Draft];
        var recipe = Recipe(seed);
        var d = draft.Definisi;

        bool Listed(string? row, string field) =>
            draft.Temuan.Any(t => t.Kolom == field && (t.Baris == row || t.Baris is null && t.Pesan.Contains("tidak ada")));

        // Steps: the recipe's, apart from those it added (each listed by the draft where the catatan ties it).
        foreach (var (id, (row, field)) in seed.Ditambah)
        {
            Assert.Contains(recipe.Langkah, l => l.Id == id);
            Assert.True(draft.Temuan.Any(t => t.Baris == row && t.Kolom == field), $"{name}: recipe step {id} (added by hand) is not listed at row {row ?? "-"} / {field}");
        }
        var pairs = seed.Pasangan?.Select(p => (Draft: d.Langkah.Single(l => l.Id == p.Key), Recipe: recipe.Langkah.Single(l => l.Id == p.Value))).ToList()
                    ?? d.Langkah.Zip(recipe.Langkah.Where(l => !seed.Ditambah.ContainsKey(l.Id))).Select(p => (Draft: p.First, Recipe: p.Second)).ToList();
        if (seed.Pasangan is null) Assert.Equal(recipe.Langkah.Count - seed.Ditambah.Count, d.Langkah.Count);
        else Assert.Equal(seed.Pasangan.Count, d.Langkah.Count);

        var laneNames = recipe.Pelaksana.ToDictionary(l => l.Id, l => Norm(l.Nama));
        var problems = new List<string>();
        void Check(Langkah s, string field, bool same)
        {
            if (same || seed.Diubah.ContainsKey((s.Id, field)) || Listed(s.Id, field)) return;
            problems.Add($"{name} step {s.Id}: {field} differs from the recipe and the draft does not list it");
        }
        foreach (var (ds, rs) in pairs)
        {
            Check(ds, "no", ds.No == rs.No);
            var uraian = seed.Ejaan.Aggregate(ds.Uraian, (u, fix) => u.Replace(fix.From, fix.To));
            Check(ds, "uraian", Norm(uraian) == Norm(rs.Uraian));
            Check(ds, "kelengkapan", ds.Kelengkapan.Select(Norm).SequenceEqual(rs.Kelengkapan.Select(Norm)));
            Check(ds, "waktu", Norm(ds.Waktu) == Norm(rs.Waktu));
            Check(ds, "output", Norm(ds.Output) == Norm(rs.Output));
            // Lanes where the document marks them (the recipe may add a partner); none marked must be listed.
            var marked = ds.Pelaksana.Select(id => Norm(d.Lane(id)!.Nama)).ToList();
            if (marked.Count == 0) Check(ds, "pelaksana", false);
            else if (!marked.All(m => rs.Pelaksana.Select(r => laneNames[r]).Contains(m)))
                problems.Add($"{name} step {ds.Id}: lanes [{string.Join(", ", marked)}] not among the recipe's [{string.Join(", ", rs.Pelaksana)}]");
            // A decision the draft sees is one in the recipe, or the recipe added it before this row (its number: "6/7").
            if (ds.Jenis == JenisLangkah.Keputusan)
                Assert.True(rs.Jenis == JenisLangkah.Keputusan || seed.Ditambah.Any(a => a.Value.Field == "pilihan"
                    && (a.Value.Row == ds.Id || recipe.Find(a.Key)!.Label.Split('/').Contains(ds.No))), $"{name} step {ds.Id}: keputusan");
        }
        Assert.Empty(problems);
        Assert.Equal(JenisLangkah.Mulai, d.Langkah[0].Jenis);
        Assert.Contains(d.Langkah[^1].Jenis, new[] { JenisLangkah.Selesai, JenisLangkah.Keputusan });

        // Lanes: the document's names are the recipe's (but for lanes the recipe split or added, listed by the draft when unnamed).
        foreach (var lane in d.Pelaksana)
            Assert.True(recipe.Pelaksana.Any(r => Norm(r.Nama) == Norm(lane.Nama)) || Listed(null, "pelaksana") && draft.Temuan.Any(t => t.Pesan.Contains($"'{lane.Nama}'")),
                $"{name}: lane '{lane.Nama}' is not a recipe lane");
        foreach (var lane in recipe.Pelaksana.Where(r => !d.Pelaksana.Any(l => Norm(l.Nama) == Norm(r.Nama))))
            Assert.True(seed.LajurDiubah.Contains(lane.Nama) || Listed(null, "pelaksana"), $"{name}: recipe lane '{lane.Nama}' neither read nor listed");

        // Every lane and every output is a binding the admin makes.
        Assert.All(d.Pelaksana, l => Assert.Contains(draft.Ikatan, i => i.Jenis == JenisIkatan.Lajur && i.Id == l.Id));
        Assert.All(d.Langkah.Where(l => l.Output is not null), l => Assert.Contains(draft.Ikatan, i => i.Jenis == JenisIkatan.Luaran && i.Nama == l.Output && i.Langkah.Contains(l.Id)));
        Assert.All(draft.Temuan, t => Assert.False(string.IsNullOrWhiteSpace(t.Pesan)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_SOP_read_from_a_DOCX_made_of_its_tables_gives_the_same_draft(string name)
    {
        var seed = SeedSop.All.Single(s => s.Name == name);
        var fromText = SopDocumentReader.ReadText(SeedText(seed.Seed))[seed.Draft];
        using var docx = SeedDocx.FromText(SeedText(seed.Seed));
        var fromDocx = SopDocumentReader.Read(docx, "sop.docx")[seed.Draft];
        Assert.Equal(DefinitionJson.Serialize(fromText.Definisi), DefinitionJson.Serialize(fromDocx.Definisi));
        Assert.Equal(fromText.Temuan.Select(t => t.ToString()), fromDocx.Temuan.Select(t => t.ToString()));
        Assert.Equal(fromText.Ikatan.Select(i => i.Pesan), fromDocx.Ikatan.Select(i => i.Pesan));
    }

    [Fact]
    public void A_document_holds_as_many_drafts_as_SOPs()
    {
        Assert.Equal(4, SopDocumentReader.ReadText(SeedText("003_184da0867f7808c4.txt")).Count);
        Assert.Equal(2, SopDocumentReader.ReadText(SeedText("000_3718d91c34051f21.txt")).Count);
        Assert.Equal(2, SopDocumentReader.ReadText(SeedText("001_c924b268afc0362d.txt")).Count);
        var unpam = Assert.Single(SopDocumentReader.ReadText(SeedText("002_44814c9131582817.txt"))).Definisi;
        Assert.Equal("Layanan Konseling Online", unpam.Judul);
        Assert.Equal("25 Oktober 2019", unpam.Tanggal.Efektif);
        Assert.Equal(["SK Rektor Nomor: 1051/A/O/UNPAM/X/2019", "SIPP: 0376-11-1-1"], unpam.DasarHukum);
        var iuqi = Assert.Single(SopDocumentReader.ReadText(SeedText("004_fa800e4d3edd244d.txt")));
        Assert.Contains(iuqi.Temuan, t => t.Kolom == "pelaksana" && t.Pesan.Contains("'D' tidak dijelaskan di keterangan"));
        Assert.Equal("A — Dosen Akademik", iuqi.Definisi.Pelaksana[0].Nama);
    }
}

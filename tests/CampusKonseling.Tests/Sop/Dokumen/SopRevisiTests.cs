using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// A seed document read again is the next revision of the SOP the campus runs from it: found by its Nomor SOP or its name,
/// its lanes bound as they are, and the work of its steps (letters, dispositions, entry channels, automatic completion)
/// kept, so publishing it does not undo what the recipe bound.
/// </summary>
public sealed class SopRevisiTests
{
    public static TheoryData<string> Seeds => new(SeedSop.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_read_again_revises_its_sop_and_keeps_what_the_recipe_bound(string name)
    {
        var seed = SeedSop.All.Single(s => s.Name == name);
        var draft = SopDocumentReader.ReadText(SeedImportTests.SeedText(seed.Seed))[seed.Draft].Definisi;
        var shipped = ShippedSops.Get(seed.Kode);
        var others = SeedSop.All.Select(s => ShippedSops.Get(s.Kode)).Where(s => s.Kode != seed.Kode).ToList();

        var target = SopRevisi.Cocok(draft, [.. others, shipped]);
        Assert.Same(shipped, target);

        var bound = SopRevisi.IkatLajur(draft, shipped);
        foreach (var lane in bound.Pelaksana)
            if (shipped.Pelaksana.FirstOrDefault(p => p.Nama == lane.Nama) is { } old)
                Assert.True(lane.Peran == old.Peran && lane.Klien == old.Klien && lane.Penugasan == old.Penugasan, $"lajur {lane.Nama}");

        var (sop, kept) = SopRevisi.Lanjutkan(bound, shipped);
        var pasangan = SopRevisi.Pasangan(sop, shipped);
        Assert.Equal(pasangan.Count, pasangan.Values.Select(o => o.Id).Distinct().Count()); // a step in force is paired once
        Assert.Equal(shipped.Kode, sop.Kode);
        Assert.Equal(shipped.JamKerja, sop.JamKerja);
        foreach (var step in sop.Langkah)
            if (pasangan.GetValueOrDefault(step.Id) is { } old)
            {
                // Kept, or said to be left behind (a disposition to a lane, an assignment, the document has not).
                Assert.All(old.Aksi, a => Assert.True(step.Aksi.Any(x => x.Jenis == a.Jenis && x.Templat == a.Templat && x.Dokumen == a.Dokumen)
                                                      || kept.Dilepas.Contains($"langkah {step.Label}: {a.Label(shipped)}"), $"langkah {step.Label}: {a.Jenis}"));
                Assert.Equal(old.Otomatis, step.Otomatis);
                if (old.Masuk.Count > 0) Assert.Equal(old.Masuk, step.Masuk);
            }
        // What is kept points only at lanes, assignments and steps the revision has.
        Assert.DoesNotContain(DefinitionValidator.Validate(sop), e => e.Reason.Contains("tidak ada di daftar pelaksana") || e.Reason.Contains("penugasan") || e.Reason.Contains("tidak ada"));
        // A decision the seed draws without its outcomes gets them from the recipe, where each leads to a step the seed has.
        bool Mapped(Langkah old) => old.Pilihan.All(p => sop.Langkah.Any(d => pasangan.GetValueOrDefault(d.Id)?.Id == p.Lanjut));
        Assert.All(sop.Langkah.Where(l => l.Jenis == JenisLangkah.Keputusan && pasangan.GetValueOrDefault(l.Id) is { Pilihan.Count: > 0 } old && Mapped(old)),
            l => Assert.True(l.Pilihan.Count >= 2, $"langkah {l.Label}"));
    }

    [Fact]
    public void A_name_a_typo_away_is_the_same_sop_and_another_name_is_not()
    {
        Assert.True(SopRevisi.Mirip("Administrasi Pelaksanaan Terapi bagi Praj dan Pegawai", "Administrasi Pelaksanaan Terapi bagi Praja dan Pegawai") >= 0.9);
        Assert.True(SopRevisi.Mirip("Layanan Konseling Praja", "Layanan Konseling Pegawai") < 0.9);
        var sop = ShippedSops.Get("IPDN-BK-TERAPI");
        Assert.Null(SopRevisi.Cocok(sop with { Kode = "BARU-1", Judul = "Layanan Konseling Online" }, [sop]));
        Assert.Same(sop, SopRevisi.Cocok(sop with { Judul = "Judul lain sama sekali" }, [sop]));
    }

    [Fact]
    public void The_output_chosen_on_the_form_replaces_the_letter_a_revision_kept()
    {
        var sop = ShippedSops.Get("IPDN-BK-TERAPI");
        var step = sop.Langkah.First(l => l.Aksi.Any(a => a.Jenis == "surat"));
        var other = sop.Langkah.First(l => l.Id != step.Id);

        var none = DraftBinding.PilihLuaran(sop, [new OutputBinding(step.Id, "")]);
        Assert.DoesNotContain(none.Find(step.Id)!.Aksi, a => a.Jenis == "surat");
        Assert.Equal(step.Aksi.Count(a => a.Jenis is not ("surat" or "unggah")), none.Find(step.Id)!.Aksi.Count);

        var another = DraftBinding.PilihLuaran(sop, [new OutputBinding(step.Id, "surat:lain")]);
        Assert.Equal(["lain"], another.Find(step.Id)!.Aksi.Where(a => a.Jenis == "surat").Select(a => a.Templat));
        Assert.Equal(other.Aksi, another.Find(other.Id)!.Aksi); // a step not posted keeps its work
    }
}

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
        Assert.Equal(shipped.Kode, sop.Kode);
        Assert.Equal(shipped.JamKerja, sop.JamKerja);
        foreach (var step in sop.Langkah)
            if (SopRevisi.StepOf(shipped, step) is { } old)
            {
                // Kept, or said to be left behind (a disposition to a lane, an assignment, the document has not).
                Assert.All(old.Aksi, a => Assert.True(step.Aksi.Any(x => x.Jenis == a.Jenis && x.Templat == a.Templat && x.Dokumen == a.Dokumen)
                                                      || kept.Dilepas.Any(d => d.StartsWith($"langkah {step.Label}: ", StringComparison.Ordinal)), $"langkah {step.Label}: {a.Jenis}"));
                Assert.Equal(old.Otomatis, step.Otomatis);
                if (old.Masuk.Count > 0) Assert.Equal(old.Masuk, step.Masuk);
            }
        // What is kept points only at lanes, assignments and steps the revision has.
        Assert.DoesNotContain(DefinitionValidator.Validate(sop), e => e.Reason.Contains("tidak ada di daftar pelaksana") || e.Reason.Contains("penugasan") || e.Reason.Contains("tidak ada"));
        // A decision the seed draws without its outcomes gets them from the recipe, where each leads to a step the seed has.
        bool Mapped(Langkah old) => old.Pilihan.All(p => sop.Langkah.Any(d => SopRevisi.StepOf(shipped, d)?.Id == p.Lanjut));
        Assert.All(sop.Langkah.Where(l => l.Jenis == JenisLangkah.Keputusan && SopRevisi.StepOf(shipped, l) is { Pilihan.Count: > 0 } old && Mapped(old)),
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
}

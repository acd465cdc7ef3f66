using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Tests.Sop;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void A_sound_definition_has_no_errors() => Assert.Empty(DefinitionValidator.Validate(EngineTests.Rujukan));

    [Fact]
    public void Unknown_actors_dangling_outcomes_unreadable_waktu_are_named_with_their_path()
    {
        var bad = EngineTests.Rujukan with
        {
            Langkah =
            [
                .. EngineTests.Rujukan.Langkah.Select(l => l.Id switch
                {
                    "2" => l with { Pelaksana = ["psikiater"], Waktu = "secepatnya" },
                    "3" => l with { Pilihan = [new("Perlu rujukan", "4"), new("Hilang", "99")] },
                    _ => l,
                }),
            ],
        };
        var errors = DefinitionValidator.Validate(bad);
        Assert.Contains(("langkah[1].pelaksana[0]", "pelaksana 'psikiater' tidak ada di daftar pelaksana SOP"), errors);
        Assert.Contains(errors, e => e.Path == "langkah[1].waktu" && e.Reason.Contains("tidak dapat dibaca"));
        Assert.Contains(("langkah[2].pilihan[1].lanjut", "pilihan menuju langkah '99' yang tidak ada"), errors);
    }

    [Fact]
    public void A_step_nothing_leads_to_is_unreachable()
    {
        var bad = EngineTests.Rujukan with
        {
            Langkah = [.. EngineTests.Rujukan.Langkah.Select(l => l.Id == "3" ? l with { Pilihan = [new("Perlu rujukan", "5"), new("Tidak perlu", "5")] } : l)],
        };
        Assert.Equal([("langkah[3]", "langkah '4' tidak dapat dicapai dari langkah mulai")], DefinitionValidator.Validate(bad));
    }

    [Fact]
    public void Start_and_end_are_required_and_counting_from_a_later_step_is_refused()
    {
        var noStart = EngineTests.Rujukan with { Langkah = [.. EngineTests.Rujukan.Langkah.Select(l => l with { Jenis = l.Jenis == JenisLangkah.Mulai ? JenisLangkah.Tugas : l.Jenis })] };
        Assert.Contains(("langkah", "SOP harus memiliki tepat satu langkah berjenis 'mulai' (ada 0)"), DefinitionValidator.Validate(noStart));
        var later = EngineTests.Rujukan with { Langkah = [.. EngineTests.Rujukan.Langkah.Select(l => l.Id == "2" ? l with { DihitungDari = "4" } : l)] };
        Assert.Contains(("langkah[1].dihitungDari", "waktu hanya dapat dihitung dari langkah sebelumnya, bukan '4'"), DefinitionValidator.Validate(later));
    }

    [Fact]
    public void A_schedule_must_be_a_cron_expression()
    {
        var bad = EngineTests.Rujukan with { Jadwal = [new("setiap senin", null), new("0 0 8 ? * MON", "Senin pagi")] };
        var error = Assert.Single(DefinitionValidator.Validate(bad));
        Assert.Equal("jadwal[0].cron", error.Path);
        Assert.Contains("bukan ekspresi cron Quartz", error.Reason);
    }
}

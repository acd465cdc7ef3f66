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

/// <summary>What a recipe may not say about lanes, actions, routing and dates, each refused with its path and reason.</summary>
public sealed class StepWorkValidationTests
{
    private static readonly SopDefinition Sound = EngineTests.Rujukan;

    private static IReadOnlyList<(string Path, string Reason)> With(Func<Langkah, Langkah>? step = null, IReadOnlyList<Pelaksana>? lanes = null) =>
        DefinitionValidator.Validate(Sound with
        {
            Pelaksana = lanes ?? Sound.Pelaksana,
            Langkah = [.. Sound.Langkah.Select(l => l.Id == "4" && step is not null ? step(l) : l)],
        });

    [Fact]
    public void An_unbound_lane_is_refused() =>
        Assert.Contains(With(lanes: [.. Sound.Pelaksana, new Pelaksana("lain", "Lain")]), e => e.Path == "pelaksana[3].peran" && e.Reason.StartsWith("lajur tidak terikat"));

    [Fact]
    public void A_client_lane_needs_no_role_but_cannot_also_be_an_assignment()
    {
        Assert.Empty(With(lanes: [.. Sound.Pelaksana, new Pelaksana("praja", "Praja") { Klien = true }]));
        Assert.Contains(With(lanes: [.. Sound.Pelaksana, new Pelaksana("praja", "Praja") { Klien = true, Penugasan = "x" }]), e => e.Path == "pelaksana[3].penugasan");
    }

    [Theory]
    [InlineData("suart", null, null, "langkah[3].aksi[0].jenis", "jenis aksi 'suart' tidak dikenal")]
    [InlineData("surat", null, null, "langkah[3].aksi[0].templat", "wajib diisi: kode templat surat")]
    [InlineData("disposisi", null, "rektor", "langkah[3].aksi[0].kepada", "pelaksana 'rektor' tidak ada")]
    [InlineData("tunjuk", null, null, "langkah[3].aksi[0].penugasan", "wajib diisi")]
    [InlineData("konfirmasiJadwal", null, null, "langkah[3].aksi[0].jenis", "dikerjakan klien")]
    public void An_action_that_cannot_be_done_is_refused(string jenis, string? templat, string? kepada, string path, string reason) =>
        Assert.Contains(With(l => l with { Aksi = [new Aksi { Jenis = jenis, Templat = templat, Kepada = kepada }] }), e => e.Path == path && e.Reason.Contains(reason));

    [Fact]
    public void Routing_conditions_automatic_triggers_and_dates_are_checked()
    {
        var decision = DefinitionValidator.Validate(Sound with
        {
            Langkah = [.. Sound.Langkah.Select(l => l.Id == "3" ? l with { Pilihan = [new("Perlu rujukan", "4") { Jika = "saluran online" }, new("Tidak", "5")] } : l)],
        });
        Assert.Contains(decision, e => e.Path == "langkah[2].pilihan[0].jika" && e.Reason.Contains("tidak dapat dibaca"));
        Assert.Contains(With(l => l with { Otomatis = Pemicu.Pesan }), e => e.Path == "langkah[3].otomatis" && e.Reason.Contains("pesan"));
        Assert.Contains(With(l => l with { Waktu = "1 hari sebelum pelaksanaan", DihitungDari = null }), e => e.Path == "langkah[3].acuan");
        Assert.Empty(With(l => l with { Waktu = "1 hari sebelum pelaksanaan", DihitungDari = null, Acuan = "pelaksanaan" }));
    }

    [Fact]
    public void A_misspelt_key_is_refused_not_read_as_absent()
    {
        var json = DefinitionJson.Serialize(Sound).Replace("\"opsional\":", "\"opsionl\":");
        if (!json.Contains("opsionl")) json = json.Replace("\"uraian\":\"Menerima laporan dosen PA\"", "\"uraian\":\"Menerima laporan dosen PA\",\"opsionl\":true");
        var error = Assert.Throws<System.Text.Json.JsonException>(() => DefinitionJson.Deserialize(json));
        Assert.Contains("opsionl", error.Message);
    }
}

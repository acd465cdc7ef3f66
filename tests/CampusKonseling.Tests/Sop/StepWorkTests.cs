using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Tests.Sop;

/// <summary>
/// The engine core's new step kinds, lane bindings, routing rules and time expressions, without database or host:
/// a client's own step, the named counselor, a step that cannot complete without its work, decisions taken from
/// form answers, steps the intake form did, dates of the instance the time standards count from.
/// </summary>
public sealed class StepWorkTests
{
    private static readonly SopDefinition Karier = new()
    {
        Kode = "UJI-KARIER", Judul = "Konseling Karier (uji)",
        Pelaksana =
        [
            new("klien", "Calon Alumni", "Mahasiswa") { Klien = true },
            new("p2kllk", "P2KLLK", "P2KLLK"),
            new("konselor", "Konselor", "Konselor") { Penugasan = "konselor" },
        ],
        Langkah =
        [
            new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Mengisi form permohonan", Pelaksana = ["klien"], Masuk = ["formulir"], Otomatis = Pemicu.Formulir, Waktu = "10 Menit", Lanjut = ["2"] },
            new()
            {
                Id = "2", Uraian = "Membuat surat rekomendasi kepada konselor", Pelaksana = ["p2kllk"], Output = "Surat Rekomendasi", Waktu = "1 Hari", Lanjut = ["3"],
                Aksi = [new() { Jenis = "surat", Templat = "REK" }, new() { Jenis = "tunjuk", Penugasan = "konselor" }],
            },
            new()
            {
                Id = "3", Jenis = JenisLangkah.Keputusan, Uraian = "Online atau tatap muka?", Pelaksana = ["konselor"],
                Pilihan = [new("Online", "4") { Jika = "saluran = online" }, new("Tatap muka", "4") { Jika = "saluran = tatap-muka | datang" }],
            },
            new() { Id = "4", Uraian = "Menyusun kesepakatan", Pelaksana = ["konselor"], Kelengkapan = ["Surat Rekomendasi"], Lanjut = ["5"] },
            new() { Id = "5", Uraian = "Mengonfirmasi kesepakatan", Pelaksana = ["klien"], Lanjut = ["6"] },
            new() { Id = "6", Uraian = "Melaksanakan konseling", Pelaksana = ["konselor", "klien"], Acuan = "janji", Waktu = "sesuai jadwal yang disepakati", TidakSebelum = "janji", Lanjut = ["7"] },
            new() { Id = "7", Jenis = JenisLangkah.Selesai, Uraian = "Menerima laporan", Pelaksana = ["p2kllk"], Waktu = "1 x 24 jam" },
        ],
    };

    private static readonly SopVersion V = new(Guid.NewGuid(), 1, Karier);
    private static readonly Actor Ani = Campus.User("ani", "Mahasiswa");
    private static readonly Actor Budi = Campus.User("budi", "Mahasiswa");
    private static readonly Actor Tu = Campus.User("tu", "P2KLLK");
    private static readonly Actor Rina = Campus.User("rina", "Konselor");
    private static readonly Actor Sari = Campus.User("sari", "Konselor");
    private static readonly Dictionary<string, string> FromAni = new() { [Konteks.Klien] = "ani", ["saluran"] = "online" };

    private static (SopEngine Engine, ManualClock Clock) Engine(DateTimeOffset now)
    {
        var clock = new ManualClock(now);
        return (new SopEngine(new MemoryStore(V), new MemoryLocks(), clock, Campus.Calendar), clock);
    }

    [Fact]
    public async Task A_step_the_intake_form_did_is_recorded_done_by_the_system_at_submission()
    {
        var (engine, _) = Engine(Campus.Wib(2030, 1, 7, 21, 30)); // Monday night: a student fills the form
        var started = await engine.StartAsync(V, Actor.System, "Permohonan A", FromAni, default, masuk: "formulir");
        var done = Assert.Single(started.Instance!.Riwayat, e => e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(("1", "system", Campus.Wib(2030, 1, 7, 21, 30)), (done.StepId, done.OlehId, done.Pada));
        Assert.Equal("2", Assert.Single(started.Instance.Aktif).StepId);

        // Entered at the desk instead, the same step waits for someone (the walk-in client's step, recorded by staff).
        var walkIn = await engine.StartAsync(V, Tu, "Datang langsung", new Dictionary<string, string> { ["saluran"] = "datang" }, default, masuk: "datang");
        Assert.Equal("1", Assert.Single(walkIn.Instance!.Aktif).StepId);
        Assert.True((await engine.CompleteAsync(walkIn.Instance.Id, new CompleteStep("1"), Tu, default)).Succeeded);
    }

    [Fact]
    public async Task A_step_cannot_complete_without_its_work_and_records_what_the_work_produced()
    {
        var (engine, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V, Actor.System, "Permohonan B", FromAni, default, masuk: "formulir")).Instance!.Id;

        var refused = await engine.CompleteAsync(id, new CompleteStep("2"), Tu, default);
        Assert.Equal("action-required", refused.Error!.Code);
        Assert.Equal("Langkah 2 belum dikerjakan: surat REK; penunjukan konselor.", refused.Error.ToString());
        Assert.Equal("action-required", (await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "surat 001/REK/2030" }), Tu, default)).Error!.Code);

        var done = await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "surat 001/REK/2030", [1] = "Rina" }), Tu, default);
        Assert.True(done.Succeeded);
        var entry = done.Instance!.Riwayat.Last(e => e.StepId == "2" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal("surat 001/REK/2030", entry.Keluaran["surat REK"]);
        Assert.Equal("Rina", entry.Keluaran["penunjukan konselor"]);
        Assert.Equal("surat 001/REK/2030; Rina", entry.Keluaran["Surat Rekomendasi"]);
        Assert.Equal("surat 001/REK/2030; Rina", SopEngine.Produced(Karier, done.Instance, "surat rekomendasi"));
    }

    [Fact]
    public async Task A_decision_is_taken_from_the_form_answer_and_a_kelengkapan_item_is_met_by_the_earlier_output()
    {
        var (engine, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V, Actor.System, "Permohonan C", FromAni, default, masuk: "formulir")).Instance!.Id;
        var afterLetter = await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "surat 002/REK/2030", [1] = "Rina" }), Tu, default);
        var decision = afterLetter.Instance!.Riwayat.Single(e => e.StepId == "3" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(("Online", "system"), (decision.Pilihan, decision.OlehId));
        Assert.Equal("4", Assert.Single(afterLetter.Instance.Aktif).StepId);
        // Step 4 needs the Surat Rekomendasi: step 2 produced it, so nobody ticks a box for it.
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("4"), Rina, default)).Succeeded);
    }

    [Fact]
    public async Task Without_a_matching_answer_a_person_decides_and_marking_urgent_routes_later()
    {
        var urgent = Karier with
        {
            Langkah = [.. Karier.Langkah.Select(l => l.Id == "3" ? l with { Pilihan = [new("Darurat", "7") { Jika = "darurat = ya" }, new("Biasa", "4")] } : l)],
        };
        var version = new SopVersion(Guid.NewGuid(), 1, urgent);
        var engine = new SopEngine(new MemoryStore(version), new MemoryLocks(), new ManualClock(Campus.Wib(2030, 1, 7, 9, 0)), Campus.Calendar);
        var id = (await engine.StartAsync(version, Actor.System, "Permohonan D", FromAni, default, masuk: "formulir")).Instance!.Id;
        var waiting = await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "s", [1] = "Rina" }), Tu, default);
        Assert.Equal("3", Assert.Single(waiting.Instance!.Aktif).StepId);

        var marked = await engine.UpdateAsync(id, new Dictionary<string, string?> { [Konteks.Darurat] = "ya" }, Tu, default);
        Assert.Equal("7", Assert.Single(marked.Instance!.Aktif).StepId);
        Assert.Contains(marked.Instance.Riwayat, e => e.Jenis == StepEventKind.KonteksDiubah && e.Masukan[Konteks.Darurat] == "ya");
        // "1 x 24 jam" is calendar time even in a working-hours SOP.
        Assert.Equal(Campus.Wib(2030, 1, 8, 9, 0), marked.Instance.Aktif[0].JatuhTempo);
    }

    [Fact]
    public async Task Only_the_client_does_a_client_step_and_only_the_named_counselor_the_counselors()
    {
        var (engine, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V, Actor.System, "Permohonan E", FromAni, default, masuk: "formulir")).Instance!.Id;
        // Until someone is named, the pool role's holders could act; naming Rina makes it hers alone.
        await engine.UpdateAsync(id, new Dictionary<string, string?> { [Konteks.Penugasan("konselor")] = "rina", [Konteks.PenugasanNama("konselor")] = "Rina" }, Tu, default);
        await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "s", [1] = "Rina" }), Tu, default);
        Assert.Equal("not-your-step", (await engine.CompleteAsync(id, new CompleteStep("4"), Sari, default)).Error!.Code);
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("4"), Rina, default)).Succeeded);

        // Step 5 is Ani's: another student, the unit's staff and the counselor are refused.
        foreach (var other in new[] { Budi, Tu, Rina })
            Assert.Equal("not-your-step", (await engine.CompleteAsync(id, new CompleteStep("5"), other, default)).Error!.Code);
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("5"), Ani, default)).Succeeded);
    }

    [Fact]
    public async Task A_step_counted_to_the_agreed_meeting_waits_for_its_date_and_moves_with_it()
    {
        var (engine, clock) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V, Actor.System, "Permohonan F", FromAni, default, masuk: "formulir")).Instance!.Id;
        await engine.CompleteAsync(id, new CompleteStep("2", Bukti: new Dictionary<int, string> { [0] = "s", [1] = "Rina" }), Tu, default);
        await engine.CompleteAsync(id, new CompleteStep("4"), Rina, default);
        var session = await engine.CompleteAsync(id, new CompleteStep("5"), Ani, default);
        Assert.Null(Assert.Single(session.Activated).JatuhTempo); // no meeting agreed yet
        Assert.Equal("date-unknown", (await engine.CompleteAsync(id, new CompleteStep("6"), Rina, default)).Error!.Code);

        var agreed = await engine.UpdateAsync(id, new Dictionary<string, string?> { [Konteks.Tanggal("janji")] = "2030-01-09T10:00:00+07:00" }, Rina, default);
        Assert.Equal(Campus.Wib(2030, 1, 9, 10, 0), Assert.Single(agreed.Rescheduled).JatuhTempo);
        var moved = await engine.UpdateAsync(id, new Dictionary<string, string?> { [Konteks.Tanggal("janji")] = "2030-01-10T13:00:00+07:00" }, Rina, default);
        Assert.Equal(Campus.Wib(2030, 1, 10, 13, 0), Assert.Single(moved.Rescheduled).JatuhTempo);
        Assert.Contains(moved.Instance!.Riwayat, e => e.Jenis == StepEventKind.Dijadwalkan && e.JatuhTempo == Campus.Wib(2030, 1, 10, 13, 0));

        var early = await engine.CompleteAsync(id, new CompleteStep("6"), Rina, default);
        Assert.Equal("too-early", early.Error!.Code);
        clock.Now = Campus.Wib(2030, 1, 10, 14, 0);
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("6"), Ani, default)).Succeeded);
    }

    [Theory]
    [InlineData("1 hari sebelum pelaksanaan", "2030-01-14T08:00:00+07:00", false, "2030-01-11 08:00")] // Monday 08:00 → the working day before
    [InlineData("1 minggu setelah pelaksanaan", "2030-01-14T08:00:00+07:00", false, "2030-01-18 16:00")] // five working days: the end of Friday
    [InlineData("sesuai jadwal", "2030-01-14T08:00:00+07:00", false, "2030-01-14 08:00")]
    [InlineData("1 Hari", null, false, "2030-01-14 15:00")]  // Friday 15:00 + one working day
    [InlineData("1 Hari", null, true, "2030-01-12 15:00")]   // urgent: the plain clock
    [InlineData("2 x 24 jam", null, false, "2030-01-13 15:00")]
    public void Due_times_count_as_the_SOP_means(string waktu, string? pelaksanaan, bool darurat, string expected)
    {
        var step = new Langkah { Id = "x", Uraian = "x", Pelaksana = ["p2kllk"], Waktu = waktu, Acuan = pelaksanaan is null ? null : "pelaksanaan" };
        var instance = new SopInstance { Id = Guid.NewGuid(), VersionId = V.Id, Kode = "K", Versi = 1, Subjek = "s", DimulaiPada = Campus.Wib(2030, 1, 11, 15, 0) };
        if (pelaksanaan is not null) instance.Konteks[Konteks.Tanggal("pelaksanaan")] = pelaksanaan;
        if (darurat) instance.Konteks[Konteks.Darurat] = "ya";
        var (engine, _) = Engine(Campus.Wib(2030, 1, 11, 15, 0));
        var (due, _) = engine.DueTimes(Karier, step, instance, Campus.Wib(2030, 1, 11, 15, 0)); // Friday 15:00
        Assert.Equal(expected, TimeZoneInfo.ConvertTime(due!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).ToString("yyyy-MM-dd HH:mm"));
    }

    [Fact]
    public async Task An_SOP_with_several_entry_points_starts_each_at_its_own_step()
    {
        var entries = Karier with { Langkah = [.. Karier.Langkah.Select(l => l.Id == "2" ? l with { Masuk = ["rujukan"] } : l)] };
        var version = new SopVersion(Guid.NewGuid(), 1, entries);
        var engine = new SopEngine(new MemoryStore(version), new MemoryLocks(), new ManualClock(Campus.Wib(2030, 1, 7, 9, 0)), Campus.Calendar);
        Assert.Equal("2", Assert.Single((await engine.StartAsync(version, Tu, "Rujukan", null, default, masuk: "rujukan")).Instance!.Aktif).StepId);
        Assert.Equal("1", Assert.Single((await engine.StartAsync(version, Tu, "Telepon", null, default, masuk: "telepon")).Instance!.Aktif).StepId);
        Assert.Empty(DefinitionValidator.Validate(entries));
    }

    [Fact]
    public async Task Conditions_that_lead_back_to_a_taken_decision_stop_and_wait_for_a_person()
    {
        var loop = new SopDefinition
        {
            Kode = "UJI-PUTAR", Judul = "Putaran", Pelaksana = [new("staf", "Staf", "P2KLLK")],
            Langkah =
            [
                new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Formulir", Pelaksana = ["staf"], Masuk = ["formulir"], Otomatis = Pemicu.Formulir, Lanjut = ["k"] },
                new() { Id = "k", Jenis = JenisLangkah.Keputusan, Uraian = "K", Pelaksana = ["staf"], Pilihan = [new("Online", "k2") { Jika = "saluran = online" }, new("Selesai", "z")] },
                new() { Id = "k2", Jenis = JenisLangkah.Keputusan, Uraian = "K2", Pelaksana = ["staf"], Pilihan = [new("Kembali", "k") { Jika = "saluran = online" }, new("Selesai", "z")] },
                new() { Id = "z", Jenis = JenisLangkah.Selesai, Uraian = "Z", Pelaksana = ["staf"] },
            ],
        };
        Assert.Empty(DefinitionValidator.Validate(loop));
        var version = new SopVersion(Guid.NewGuid(), 1, loop);
        var engine = new SopEngine(new MemoryStore(version), new MemoryLocks(), new ManualClock(Campus.Wib(2030, 1, 7, 9, 0)), Campus.Calendar);
        var started = await engine.StartAsync(version, Actor.System, "Putaran", new Dictionary<string, string> { ["saluran"] = "online" }, default, masuk: "formulir");
        Assert.Equal("k", Assert.Single(started.Instance!.Aktif).StepId);
        Assert.Single(started.Instance.Riwayat, e => e.StepId == "k" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.True((await engine.CompleteAsync(started.Instance.Id, new CompleteStep("k", "Selesai"), Tu, default)).Succeeded);
    }

    [Fact]
    public void Syarat_reads_and_holds_as_written()
    {
        var konteks = new Dictionary<string, string> { ["saluran"] = " Online ", ["bidang"] = "personal" };
        Assert.True(Syarat.TryParse("saluran = online", out var s, out _) && s!.Holds(konteks));
        Assert.True(Syarat.TryParse("bidang = akademik | personal", out s, out _) && s!.Holds(konteks));
        Assert.True(Syarat.TryParse("darurat != ya", out s, out _) && s!.Holds(konteks));
        Assert.True(Syarat.TryParse("saluran = online", out s, out _));
        Assert.False(s!.Holds(new Dictionary<string, string>())); // a missing answer equals nothing
        Assert.False(Syarat.TryParse("saluran online", out _, out var error));
        Assert.Contains("tidak dapat dibaca", error);
    }
}

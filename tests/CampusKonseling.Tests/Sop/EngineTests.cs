using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Tests.Sop;

/// <summary>The engine core on its own: no database, no web host, a hand-moved clock.</summary>
public sealed class EngineTests
{
    public static readonly SopDefinition Rujukan = new()
    {
        Kode = "UJI-01", Judul = "Konseling Rujukan (uji)", EskalasiKe = "Kepala Unit",
        Pelaksana =
        [
            new("staf", "Staf", "Staf"), new("konselor", "Konselor", "Konselor", Atasan: "Kepala Unit"), new("kepala", "Kepala Unit", "Kepala Unit"),
        ],
        Langkah =
        [
            new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Menerima laporan dosen PA", Pelaksana = ["staf"], Waktu = "15 Menit", Lanjut = ["2"] },
            new() { Id = "2", Uraian = "Memberikan layanan konseling", Pelaksana = ["konselor"], Kelengkapan = ["Formulir pendaftaran"], Waktu = "1 Hari", Output = "Catatan layanan", Lanjut = ["3"] },
            new()
            {
                Id = "3", Jenis = JenisLangkah.Keputusan, Uraian = "Perlu layanan eksternal?", Pelaksana = ["kepala"],
                Pilihan = [new("Perlu rujukan", "4"), new("Dikembalikan", "2"), new("Tidak perlu", "5")],
            },
            new() { Id = "4", Uraian = "Membuat surat rujukan", Pelaksana = ["staf"], Waktu = "2 jam setelah layanan", DihitungDari = "2", Output = "Surat rujukan", Lanjut = ["5"] },
            new() { Id = "5", Jenis = JenisLangkah.Selesai, Uraian = "Mengarsipkan", Pelaksana = ["staf", "kepala"], Waktu = "15 Menit" },
        ],
    };

    private static readonly SopVersion V1 = new(Guid.NewGuid(), 1, Rujukan);
    private static readonly Actor Staf = Campus.User("staf-1", "Staf");
    private static readonly Actor Konselor = Campus.User("konselor-1", "Konselor");
    private static readonly Actor Kepala = Campus.User("kepala-1", "Kepala Unit");
    private static readonly Dictionary<string, string> Formulir = new() { ["Formulir pendaftaran"] = "ada" };

    private static (SopEngine Engine, ManualClock Clock, MemoryStore Store) Engine(DateTimeOffset now)
    {
        var clock = new ManualClock(now);
        var store = new MemoryStore(V1);
        return (new SopEngine(store, new MemoryLocks(), clock, Campus.Calendar), clock, store);
    }

    [Fact]
    public async Task Starting_activates_the_first_step_with_its_due_time_in_working_hours()
    {
        // Monday 15:50: 10 working minutes left today, so "15 Menit" is due Tuesday 08:05.
        var (engine, _, _) = Engine(Campus.Wib(2030, 1, 7, 15, 50));
        var started = await engine.StartAsync(V1, Staf, "Kasus A", null, default);
        var active = Assert.Single(started.Activated);
        Assert.Equal("1", active.StepId);
        Assert.Equal(Campus.Wib(2030, 1, 8, 8, 5), active.JatuhTempo);
        Assert.Equal(Campus.Wib(2030, 1, 8, 8, 2), active.PengingatPada); // 80% of 15 minutes = 12 minutes
        Assert.Equal([StepEventKind.Dimulai, StepEventKind.Diaktifkan], started.Instance!.Riwayat.Select(e => e.Jenis));
    }

    [Fact]
    public async Task A_walk_records_who_did_what_and_counts_a_later_step_from_an_earlier_completion()
    {
        var (engine, clock, _) = Engine(Campus.Wib(2030, 1, 11, 14, 0)); // Friday 14:00
        var id = (await engine.StartAsync(V1, Staf, "Kasus B", null, default)).Instance!.Id;

        Assert.True((await engine.CompleteAsync(id, new CompleteStep("1"), Staf, default)).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(30)); // 14:30
        var toDecision = await engine.CompleteAsync(id, new CompleteStep("2", Masukan: Formulir, Keluaran: new Dictionary<string, string> { ["Catatan layanan"] = "Sesi 1" }), Konselor, default);
        Assert.True(toDecision.Succeeded, toDecision.Error?.ToString());
        clock.Advance(TimeSpan.FromHours(1)); // 15:30
        var referral = await engine.CompleteAsync(id, new CompleteStep("3", Pilihan: "perlu rujukan"), Kepala, default);
        var step4 = Assert.Single(referral.Activated);
        // "2 jam setelah layanan" counts from step 2's completion (Friday 14:30): 1.5 h Friday + 0.5 h Monday = Monday 08:30.
        Assert.Equal(Campus.Wib(2030, 1, 14, 8, 30), step4.JatuhTempo);

        await engine.CompleteAsync(id, new CompleteStep("4", Keluaran: new Dictionary<string, string> { ["Surat rujukan"] = "RS Jiwa" }), Staf, default);
        var end = await engine.CompleteAsync(id, new CompleteStep("5"), Kepala, default);
        Assert.Equal(InstanceStatus.Selesai, end.Instance!.Status);
        var done = end.Instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], done.Select(e => e.StepId));
        Assert.Equal(["staf-1", "konselor-1", "kepala-1", "staf-1", "kepala-1"], done.Select(e => e.OlehId));
        Assert.Equal("Perlu rujukan", done[2].Pilihan);
        Assert.Equal("Sesi 1", done[1].Keluaran["Catatan layanan"]);
        Assert.Equal(StepEventKind.InstansSelesai, end.Instance.Riwayat[^1].Jenis);
        Assert.Equal(Enumerable.Range(1, end.Instance.Riwayat.Count).Select(i => (long)i), end.Instance.Riwayat.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_decision_can_send_the_case_back_to_an_earlier_step()
    {
        var (engine, _, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V1, Staf, "Kasus C", null, default)).Instance!.Id;
        await engine.CompleteAsync(id, new CompleteStep("1"), Staf, default);
        var first = (await engine.CompleteAsync(id, new CompleteStep("2", Masukan: Formulir), Konselor, default)).Instance!;
        var back = await engine.CompleteAsync(id, new CompleteStep("3", Pilihan: "Dikembalikan"), Kepala, default);
        var again = Assert.Single(back.Activated);
        Assert.Equal("2", again.StepId);
        Assert.NotEqual(first.Riwayat.Last(e => e.StepId == "2" && e.Jenis == StepEventKind.Diaktifkan).ActivationId, again.ActivationId);
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("2", Masukan: Formulir), Konselor, default)).Succeeded);
        var skip = await engine.CompleteAsync(id, new CompleteStep("3", Pilihan: "Tidak perlu"), Kepala, default);
        Assert.Equal("5", Assert.Single(skip.Activated).StepId);
    }

    [Fact]
    public async Task Only_the_lanes_role_may_complete_a_step_and_its_documents_must_be_there()
    {
        var (engine, _, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V1, Staf, "Kasus D", null, default)).Instance!.Id;
        var wrong = await engine.CompleteAsync(id, new CompleteStep("1"), Konselor, default);
        Assert.Equal("not-your-step", wrong.Error!.Code);
        Assert.Equal("Langkah 1 dikerjakan oleh Staf; Anda tidak memegang peran tersebut.", wrong.Error.ToString());

        await engine.CompleteAsync(id, new CompleteStep("1"), Staf, default);
        var missing = await engine.CompleteAsync(id, new CompleteStep("2"), Konselor, default);
        Assert.Equal("Kelengkapan belum dipenuhi: Formulir pendaftaran.", missing.Error!.ToString());
        await engine.CompleteAsync(id, new CompleteStep("2", Masukan: Formulir), Konselor, default);

        var noOutcome = await engine.CompleteAsync(id, new CompleteStep("3"), Kepala, default);
        Assert.Equal("Pilih hasil keputusan langkah 3: Perlu rujukan / Dikembalikan / Tidak perlu.", noOutcome.Error!.ToString());
        Assert.Equal("unknown-outcome", (await engine.CompleteAsync(id, new CompleteStep("3", Pilihan: "Mungkin"), Kepala, default)).Error!.Code);
    }

    [Fact]
    public async Task Two_people_completing_the_same_step_at_once_make_one_transition()
    {
        var (engine, _, store) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V1, Staf, "Kasus E", null, default)).Instance!.Id;
        var a = Campus.User("staf-a", "Staf");
        var b = Campus.User("staf-b", "Staf");
        var results = await Task.WhenAll(
            Task.Run(() => engine.CompleteAsync(id, new CompleteStep("1"), a, default)),
            Task.Run(() => engine.CompleteAsync(id, new CompleteStep("1"), b, default)));
        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal("already-done", loser.Error!.Code);
        Assert.StartsWith("Langkah 1 sudah diselesaikan oleh staf-", loser.Error.ToString());
        var instance = (await store.InstanceAsync(id, default))!;
        Assert.Single(instance.Riwayat, e => e.StepId == "1" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Single(instance.Aktif, s => s.StepId == "2");
    }

    [Fact]
    public async Task Reminders_and_escalations_are_recorded_once_per_activation()
    {
        var (engine, _, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var started = await engine.StartAsync(V1, Staf, "Kasus F", null, default);
        var activation = started.Activated[0].ActivationId;
        Assert.True((await engine.RemindAsync(started.Instance!.Id, activation, default)).Succeeded);
        Assert.False((await engine.RemindAsync(started.Instance.Id, activation, default)).Succeeded);
        Assert.True((await engine.EscalateAsync(started.Instance.Id, activation, default)).Succeeded);
        Assert.False((await engine.EscalateAsync(started.Instance.Id, activation, default)).Succeeded);
        await engine.CompleteAsync(started.Instance.Id, new CompleteStep("1"), Staf, default);
        Assert.False((await engine.EscalateAsync(started.Instance.Id, activation, default)).Succeeded);
    }

    [Fact]
    public async Task An_optional_step_may_be_skipped_and_a_required_one_may_not()
    {
        var optional = new SopVersion(Guid.NewGuid(), 1, Rujukan with { Langkah = [.. Rujukan.Langkah.Select(l => l.Id == "2" ? l with { Opsional = true } : l)] });
        var engine = new SopEngine(new MemoryStore(optional), new MemoryLocks(), new ManualClock(Campus.Wib(2030, 1, 7, 9, 0)), Campus.Calendar);
        var id = (await engine.StartAsync(optional, Staf, "Kasus G", null, default)).Instance!.Id;
        Assert.Equal("not-optional", (await engine.CompleteAsync(id, new CompleteStep("1", Lewati: true), Staf, default)).Error!.Code);
        await engine.CompleteAsync(id, new CompleteStep("1"), Staf, default);
        var skipped = await engine.CompleteAsync(id, new CompleteStep("2", Lewati: true), Konselor, default);
        Assert.True(skipped.Succeeded);
        Assert.Equal("3", Assert.Single(skipped.Activated).StepId);
        Assert.Single(skipped.Instance!.Riwayat, e => e.StepId == "2" && e.Jenis == StepEventKind.Dilewati);
    }

    [Fact]
    public async Task A_step_shared_by_two_lanes_may_be_recorded_by_either()
    {
        var (engine, _, _) = Engine(Campus.Wib(2030, 1, 7, 9, 0));
        var id = (await engine.StartAsync(V1, Staf, "Kasus H", null, default)).Instance!.Id;
        await engine.CompleteAsync(id, new CompleteStep("1"), Staf, default);
        await engine.CompleteAsync(id, new CompleteStep("2", Masukan: Formulir), Konselor, default);
        await engine.CompleteAsync(id, new CompleteStep("3", Pilihan: "Tidak perlu"), Kepala, default);
        // Step 5 belongs to Staf and Kepala Unit together: the Kepala records it.
        Assert.True((await engine.CompleteAsync(id, new CompleteStep("5"), Kepala, default)).Succeeded);
    }

    [Fact]
    public async Task A_running_instance_keeps_its_version()
    {
        var v2 = new SopVersion(Guid.NewGuid(), 2, Rujukan with { Langkah = [.. Rujukan.Langkah.Select(l => l.Id == "2" ? l with { Kelengkapan = [] } : l)] });
        var clock = new ManualClock(Campus.Wib(2030, 1, 7, 9, 0));
        var engine = new SopEngine(new MemoryStore(V1, v2), new MemoryLocks(), clock, Campus.Calendar);
        var old = (await engine.StartAsync(V1, Staf, "Lama", null, default)).Instance!;
        await engine.CompleteAsync(old.Id, new CompleteStep("1"), Staf, default);
        // Version 2 dropped the form from step 2; the instance on version 1 still needs it.
        Assert.Equal("missing-inputs", (await engine.CompleteAsync(old.Id, new CompleteStep("2"), Konselor, default)).Error!.Code);
        var fresh = (await engine.StartAsync(v2, Staf, "Baru", null, default)).Instance!;
        await engine.CompleteAsync(fresh.Id, new CompleteStep("1"), Staf, default);
        Assert.True((await engine.CompleteAsync(fresh.Id, new CompleteStep("2"), Konselor, default)).Succeeded);
    }
}

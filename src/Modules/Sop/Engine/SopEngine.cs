using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Engine;

/// <summary>
/// Moves SOP instances step by step. Pure: stores, locks, clock and the campus's working
/// calendar are passed in, so it runs (and is tested) without a database or web host.
/// Every change to an instance happens under its lock; a step completed twice at once makes
/// one transition and the second caller is told who was first.
/// </summary>
public sealed class SopEngine(ISopStore store, IInstanceLocks locks, TimeProvider clock, WorkingCalendar calendar)
{
    public async Task<EngineResult> StartAsync(SopVersion version, Actor by, string subjek, IReadOnlyDictionary<string, string>? konteks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var instance = new SopInstance
        {
            Id = Guid.CreateVersion7(now), VersionId = version.Id, Kode = version.Definition.Kode, Versi = version.Versi,
            Subjek = subjek, DimulaiPada = now, DimulaiOleh = by.Id, Konteks = new(konteks ?? new Dictionary<string, string>()),
        };
        var events = new List<StepEvent>();
        Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.Dimulai, Pada = now, OlehId = by.Id, OlehNama = by.Nama });
        var activated = Activate(version.Definition, instance, [version.Definition.Mulai.Id], now, events);
        await store.AddAsync(instance, ct);
        return new EngineResult(instance, null, activated, [], events);
    }

    public async Task<EngineResult> CompleteAsync(Guid instanceId, CompleteStep command, Actor by, CancellationToken ct)
    {
        await using var handle = await locks.AcquireAsync(instanceId, ct);
        var instance = await store.InstanceAsync(instanceId, ct);
        if (instance is null) return EngineResult.Fail(EngineError.NotFound());
        var version = (await store.VersionAsync(instance.VersionId, ct))!;
        var definition = version.Definition;
        var step = definition.Find(command.StepId);
        if (step is null) return EngineResult.Fail(EngineError.NotActive(command.StepId), instance);

        var active = instance.Aktif.FirstOrDefault(a => a.StepId == step.Id);
        if (active is null)
        {
            var done = instance.Riwayat.LastOrDefault(e => e.StepId == step.Id && e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati);
            if (instance.Status != InstanceStatus.Berjalan && done is null) return EngineResult.Fail(EngineError.Finished(), instance);
            return EngineResult.Fail(done is null ? EngineError.NotActive(step.Label) : EngineError.AlreadyDone(step.Label, done.OlehNama ?? "-", done.Pada), instance);
        }
        if (!MayPerform(definition, step, active, by))
            return EngineResult.Fail(EngineError.NotYourStep(step.Label, string.Join(", ", step.Pelaksana.Select(p => definition.Lane(p)!.Nama))), instance);

        IReadOnlyList<string> next;
        string? chosen = null;
        if (command.Lewati)
        {
            if (!step.Opsional) return EngineResult.Fail(EngineError.NotOptional(step.Label), instance);
            next = step.Jenis == JenisLangkah.Keputusan ? [step.Pilihan[0].Lanjut] : step.Lanjut;
        }
        else if (step.Jenis == JenisLangkah.Keputusan)
        {
            if (string.IsNullOrWhiteSpace(command.Pilihan))
                return EngineResult.Fail(EngineError.OutcomeRequired(step.Label, string.Join(" / ", step.Pilihan.Select(p => p.Nama))), instance);
            var outcome = step.Pilihan.FirstOrDefault(p => string.Equals(p.Nama, command.Pilihan, StringComparison.OrdinalIgnoreCase));
            if (outcome is null) return EngineResult.Fail(EngineError.UnknownOutcome(command.Pilihan), instance);
            chosen = outcome.Nama;
            next = [outcome.Lanjut];
        }
        else
        {
            next = step.Lanjut;
        }

        if (!command.Lewati)
        {
            var given = command.Masukan ?? new Dictionary<string, string>();
            var missing = step.Kelengkapan.Where(k => !given.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
            if (missing.Count > 0) return EngineResult.Fail(EngineError.MissingInputs(string.Join("; ", missing)), instance);
        }

        var now = clock.GetUtcNow();
        var events = new List<StepEvent>();
        Record(instance, events, new StepEvent
        {
            Seq = instance.NextSeq, Jenis = command.Lewati ? StepEventKind.Dilewati : StepEventKind.Diselesaikan, StepId = step.Id,
            ActivationId = active.ActivationId, Pada = now, OlehId = by.Id, OlehNama = by.Nama, Pilihan = chosen,
            Masukan = command.Masukan ?? new Dictionary<string, string>(),
            Keluaran = command.Keluaran ?? new Dictionary<string, string>(),
            Catatan = command.Catatan,
        });
        instance.Aktif.Remove(active);
        var closed = new List<ActiveStep> { active };
        var activated = new List<ActiveStep>();
        if (step.Jenis == JenisLangkah.Selesai)
        {
            // An end step finishes the instance; steps still open on other branches are closed with it.
            closed.AddRange(instance.Aktif);
            instance.Aktif.Clear();
            instance.Status = InstanceStatus.Selesai;
            instance.SelesaiPada = now;
            Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.InstansSelesai, Pada = now, OlehId = by.Id, OlehNama = by.Nama });
        }
        else
        {
            activated = Activate(definition, instance, next, now, events);
        }

        await store.SaveAsync(instance, events, ct);
        await handle.CommitAsync(ct);
        return new EngineResult(instance, null, activated, closed, events);
    }

    /// <summary>Records that the reminder of an activation went out; false when it already had, or the step is no longer active.</summary>
    public Task<EngineResult> RemindAsync(Guid instanceId, Guid activationId, CancellationToken ct) =>
        MarkAsync(instanceId, activationId, StepEventKind.Diingatkan, a => a.Diingatkan, a => a.Diingatkan = true, ct);

    /// <summary>Marks an activation overdue, once.</summary>
    public Task<EngineResult> EscalateAsync(Guid instanceId, Guid activationId, CancellationToken ct) =>
        MarkAsync(instanceId, activationId, StepEventKind.Terlambat, a => a.Terlambat, a => a.Terlambat = true, ct);

    private async Task<EngineResult> MarkAsync(Guid instanceId, Guid activationId, StepEventKind kind,
        Func<ActiveStep, bool> already, Action<ActiveStep> mark, CancellationToken ct)
    {
        await using var handle = await locks.AcquireAsync(instanceId, ct);
        var instance = await store.InstanceAsync(instanceId, ct);
        var active = instance?.Aktif.FirstOrDefault(a => a.ActivationId == activationId);
        if (instance is null || active is null || already(active)) return EngineResult.Fail(EngineError.NotActive(activationId.ToString()), instance);
        mark(active);
        var events = new List<StepEvent>();
        Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = kind, StepId = active.StepId, ActivationId = activationId, Pada = clock.GetUtcNow(), JatuhTempo = active.JatuhTempo });
        await store.SaveAsync(instance, events, ct);
        await handle.CommitAsync(ct);
        return new EngineResult(instance, null, [], [], events);
    }

    /// <summary>Anyone holding one of the step's lane roles, or the named assignee, may perform it.</summary>
    public static bool MayPerform(SopDefinition definition, Langkah step, ActiveStep active, Actor by) =>
        (active.PenerimaTugas is not null && active.PenerimaTugas == by.Id)
        || step.Pelaksana.Any(p => definition.Lane(p) is { } lane && by.Peran.Contains(lane.Peran));

    private List<ActiveStep> Activate(SopDefinition definition, SopInstance instance, IEnumerable<string> stepIds, DateTimeOffset now, List<StepEvent> events)
    {
        var activated = new List<ActiveStep>();
        foreach (var id in stepIds.Distinct())
        {
            if (instance.Aktif.Any(a => a.StepId == id)) continue;
            var step = definition.Find(id)!;
            var (due, remind) = DueTimes(definition, step, instance, now);
            var active = new ActiveStep { ActivationId = Guid.CreateVersion7(now), StepId = id, DiaktifkanPada = now, JatuhTempo = due, PengingatPada = remind };
            instance.Aktif.Add(active);
            activated.Add(active);
            Record(instance, events, new StepEvent
            {
                Seq = instance.NextSeq, Jenis = StepEventKind.Diaktifkan, StepId = id, ActivationId = active.ActivationId, Pada = now, JatuhTempo = due,
            });
        }
        return activated;
    }

    private static void Record(SopInstance instance, List<StepEvent> events, StepEvent entry)
    {
        instance.Riwayat.Add(entry);
        events.Add(entry);
    }

    /// <summary>Due and reminder times from the step's waktu, counted from its activation or from a named earlier step's completion.</summary>
    public (DateTimeOffset? Due, DateTimeOffset? Remind) DueTimes(SopDefinition definition, Langkah step, SopInstance instance, DateTimeOffset activatedAt)
    {
        if (!WaktuParser.TryParse(step.Waktu, out var waktu, out _) || waktu is null || !waktu.HasDuration) return (null, null);
        var from = activatedAt;
        if (step.DihitungDari is { } earlier
            && instance.Riwayat.LastOrDefault(e => e.StepId == earlier && e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati) is { } done)
            from = done.Pada;
        if (!definition.JamKerja)
        {
            var length = WorkingCalendar.ClockLength(waktu);
            return (from + length, from + length * (definition.PengingatPersen / 100.0));
        }
        var work = calendar.WorkingLength(waktu);
        return (calendar.Add(from, work), calendar.Add(from, work * (definition.PengingatPersen / 100.0)));
    }
}

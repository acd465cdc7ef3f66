using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Engine;

/// <summary>
/// Moves SOP instances step by step. Pure: stores, locks, clock and the campus's working
/// calendar are passed in, so it runs (and is tested) without a database or web host.
/// Every change to an instance happens under its lock; a step completed twice at once makes
/// one transition and the second caller is told who was first.
/// </summary>
public sealed partial class SopEngine(ISopStore store, IInstanceLocks locks, TimeProvider clock, WorkingCalendar calendar)
{
    /// <summary>
    /// Runs once a transition is saved and before it commits (for a start, before it is saved): what must happen if and only
    /// if the transition does (its SLA timers, a reminder's notices) is done here, so a process dying in between loses nothing.
    /// </summary>
    public Func<EngineResult, CancellationToken, Task>? BeforeCommit { get; init; }

    private Task BeforeCommitAsync(EngineResult result, CancellationToken ct) => BeforeCommit?.Invoke(result, ct) ?? Task.CompletedTask;

    /// <param name="masuk">The channel the instance enters by (formulir, datang, api…): it starts at the step naming it, else at the start step.</param>
    public async Task<EngineResult> StartAsync(SopVersion version, Actor by, string subjek, IReadOnlyDictionary<string, string>? konteks, CancellationToken ct, string? masuk = null)
    {
        var now = clock.GetUtcNow();
        var definition = version.Definition;
        var instance = new SopInstance
        {
            Id = Guid.CreateVersion7(now), VersionId = version.Id, Kode = definition.Kode, Versi = version.Versi,
            Subjek = subjek, DimulaiPada = now, DimulaiOleh = by.Id, Konteks = new(konteks ?? new Dictionary<string, string>()),
        };
        if (masuk is not null) instance.Konteks[Konteks.Masuk] = masuk;
        var events = new List<StepEvent>();
        Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.Dimulai, Pada = now, OlehId = by.Id, OlehNama = by.Nama });
        var activated = Activate(definition, instance, [definition.Pintu(masuk).Id], now, events);
        var closed = new List<ActiveStep>();
        Advance(definition, instance, activated, closed, now, events);
        var result = new EngineResult(instance, null, activated, closed, events);
        await BeforeCommitAsync(result, ct);
        await store.AddAsync(instance, ct);
        return result;
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
        if (!MayPerform(definition, step, active, by, instance.Konteks))
            return EngineResult.Fail(EngineError.NotYourStep(step.Label, string.Join(", ", step.Pelaksana.Select(p => definition.Lane(p)!.Nama))), instance);

        var now = clock.GetUtcNow();
        if (Refusal(definition, step, instance, command, now) is { } refusal) return EngineResult.Fail(refusal, instance);

        var events = new List<StepEvent>();
        var closed = new List<ActiveStep>();
        var activated = new List<ActiveStep>();
        Transition(definition, instance, step, active, command, by, now, events, closed, activated);
        Advance(definition, instance, activated, closed, now, events);

        await store.SaveAsync(instance, events, ct);
        var result = new EngineResult(instance, null, activated, closed, events);
        await BeforeCommitAsync(result, ct);
        await handle.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Facts of the instance change (the client's account, an assignment, a programme's or appointment's date, urgency):
    /// due times that count from them are computed again, and decisions that route on them may now be taken.
    /// A value of null removes the key.
    /// </summary>
    public async Task<EngineResult> UpdateAsync(Guid instanceId, IReadOnlyDictionary<string, string?> changes, Actor by, CancellationToken ct)
    {
        await using var handle = await locks.AcquireAsync(instanceId, ct);
        var instance = await store.InstanceAsync(instanceId, ct);
        if (instance is null) return EngineResult.Fail(EngineError.NotFound());
        if (instance.Status != InstanceStatus.Berjalan) return EngineResult.Fail(EngineError.Finished(), instance);
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        var changed = new Dictionary<string, string>();
        foreach (var (key, value) in changes)
        {
            var old = instance.Konteks.GetValueOrDefault(key);
            if (old == value) continue;
            if (value is null) instance.Konteks.Remove(key);
            else instance.Konteks[key] = value;
            changed[key] = value ?? "";
        }
        if (changed.Count == 0) return new EngineResult(instance, null, [], [], []);
        var now = clock.GetUtcNow();
        var events = new List<StepEvent>();
        Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.KonteksDiubah, Pada = now, OlehId = by.Id, OlehNama = by.Nama, Masukan = changed });
        var rescheduled = new List<ActiveStep>();
        foreach (var active in instance.Aktif)
        {
            var step = definition.Find(active.StepId)!;
            var (due, remind) = DueTimes(definition, step, instance, active.DiaktifkanPada);
            if (due == active.JatuhTempo) continue;
            active.JatuhTempo = due;
            active.PengingatPada = remind;
            active.Diingatkan = active.Terlambat = false;
            rescheduled.Add(active);
            Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.Dijadwalkan, StepId = active.StepId, ActivationId = active.ActivationId, Pada = now, JatuhTempo = due });
        }
        var activated = new List<ActiveStep>();
        var closed = new List<ActiveStep>();
        Advance(definition, instance, [.. instance.Aktif], closed, now, events, activated);
        await store.SaveAsync(instance, events, ct);
        var result = new EngineResult(instance, null, activated, closed, events) { Rescheduled = rescheduled.Where(r => instance.Aktif.Contains(r)).ToList() };
        await BeforeCommitAsync(result, ct);
        await handle.CommitAsync(ct);
        return result;
    }

    /// <summary>Why a step may not be completed now: its date has not come, an outcome or a required action or item is missing.</summary>
    private EngineError? Refusal(SopDefinition definition, Langkah step, SopInstance instance, CompleteStep command, DateTimeOffset now)
    {
        if (command.Lewati) return step.Opsional ? null : EngineError.NotOptional(step.Label);
        if (step.TidakSebelum is { } acuan)
        {
            if (DateOf(instance, acuan) is not { } from) return EngineError.DateUnknown(step.Label, acuan);
            if (now < from) return EngineError.TooEarly(step.Label, acuan, calendar.Local(from));
        }
        if (step.Jenis == JenisLangkah.Keputusan)
        {
            if (string.IsNullOrWhiteSpace(command.Pilihan))
                return EngineError.OutcomeRequired(step.Label, string.Join(" / ", step.Pilihan.Select(p => p.Nama)));
            if (!step.Pilihan.Any(p => string.Equals(p.Nama, command.Pilihan, StringComparison.OrdinalIgnoreCase))) return EngineError.UnknownOutcome(command.Pilihan);
        }
        var bukti = command.Bukti ?? new Dictionary<int, string>();
        var undone = step.Aksi.Select((a, i) => (a, i)).Where(x => !x.a.Opsional && !bukti.ContainsKey(x.i)).Select(x => x.a.Label(definition)).ToList();
        if (undone.Count > 0) return EngineError.ActionRequired(step.Label, string.Join("; ", undone));
        var given = command.Masukan ?? new Dictionary<string, string>();
        var missing = step.Kelengkapan.Where(k => (!given.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)) && Produced(definition, instance, k) is null).ToList();
        return missing.Count > 0 ? EngineError.MissingInputs(string.Join("; ", missing)) : null;
    }

    /// <summary>
    /// What an earlier step of this instance produced under this name: a kelengkapan item is met by a step whose
    /// output it is (the SOP's own words), once that step recorded it, never by a similar title.
    /// </summary>
    public static string? Produced(SopDefinition definition, SopInstance instance, string item) =>
        instance.Riwayat.LastOrDefault(e => e.Jenis == StepEventKind.Diselesaikan
            && e.Keluaran.Any(k => string.Equals(k.Key, item, StringComparison.OrdinalIgnoreCase)))
            ?.Keluaran.First(k => string.Equals(k.Key, item, StringComparison.OrdinalIgnoreCase)).Value;

    private void Transition(SopDefinition definition, SopInstance instance, Langkah step, ActiveStep active, CompleteStep command, Actor by,
        DateTimeOffset now, List<StepEvent> events, List<ActiveStep> closed, List<ActiveStep> activated)
    {
        IReadOnlyList<string> next;
        string? chosen = null;
        if (command.Lewati) next = step.Jenis == JenisLangkah.Keputusan ? [step.Pilihan[0].Lanjut] : step.Lanjut;
        else if (step.Jenis == JenisLangkah.Keputusan)
        {
            var outcome = step.Pilihan.First(p => string.Equals(p.Nama, command.Pilihan, StringComparison.OrdinalIgnoreCase));
            chosen = outcome.Nama;
            next = [outcome.Lanjut];
        }
        else next = step.Lanjut;

        // What the step's actions produced is its output: the letter's number stands for "Surat Rekomendasi".
        var keluaran = new Dictionary<string, string>(command.Keluaran ?? new Dictionary<string, string>());
        foreach (var (index, text) in command.Bukti ?? new Dictionary<int, string>())
            if (index >= 0 && index < step.Aksi.Count) keluaran[step.Aksi[index].Label(definition)] = text;
        if (step.Output is { } output && !keluaran.ContainsKey(output) && command.Bukti is { Count: > 0 } bukti) keluaran[output] = string.Join("; ", bukti.Values);

        Record(instance, events, new StepEvent
        {
            Seq = instance.NextSeq, Jenis = command.Lewati ? StepEventKind.Dilewati : StepEventKind.Diselesaikan, StepId = step.Id,
            ActivationId = active.ActivationId, Pada = now, OlehId = by.Id, OlehNama = by.Nama, Pilihan = chosen,
            Masukan = command.Masukan ?? new Dictionary<string, string>(), Keluaran = keluaran, Catatan = command.Catatan,
        });
        instance.Aktif.Remove(active);
        closed.Add(active);
        activated.Remove(active);
        if (step.Jenis == JenisLangkah.Selesai)
        {
            // An end step finishes the instance; steps still open on other branches are closed with it.
            closed.AddRange(instance.Aktif);
            activated.RemoveAll(instance.Aktif.Contains);
            instance.Aktif.Clear();
            instance.Status = InstanceStatus.Selesai;
            instance.SelesaiPada = now;
            Record(instance, events, new StepEvent { Seq = instance.NextSeq, Jenis = StepEventKind.InstansSelesai, Pada = now, OlehId = by.Id, OlehNama = by.Nama });
        }
        else activated.AddRange(Activate(definition, instance, next, now, events));
    }

    /// <summary>
    /// The system's own moves, until none is left: a decision whose pilihan's condition holds on the context is taken,
    /// and a step done by the intake form is recorded done when the instance came in through the form.
    /// </summary>
    private void Advance(SopDefinition definition, SopInstance instance, List<ActiveStep> candidates, List<ActiveStep> closed,
        DateTimeOffset now, List<StepEvent> events, List<ActiveStep>? activated = null)
    {
        activated ??= candidates;
        // Each step moves by itself at most once per change: conditions that lead back to an already-taken decision
        // would otherwise loop; the step then waits for a person.
        var moved = new HashSet<string>();
        while (instance.Status == InstanceStatus.Berjalan)
        {
            var move = instance.Aktif.Where(a => !moved.Contains(a.StepId)).Select(a => (Active: a, Step: definition.Find(a.StepId)!))
                .Select(x => (x.Active, x.Step, Command: SystemMove(x.Step, instance)))
                .FirstOrDefault(x => x.Command is not null);
            if (move.Command is null) return;
            moved.Add(move.Step.Id);
            Transition(definition, instance, move.Step, move.Active, move.Command, Actor.System, now, events, closed, activated);
        }
    }

    private static CompleteStep? SystemMove(Langkah step, SopInstance instance)
    {
        if (step.Jenis == JenisLangkah.Keputusan && step.Pilihan.FirstOrDefault(p => p.Jika is { } jika && Syarat.TryParse(jika, out var s, out _) && s!.Holds(instance.Konteks)) is { } taken)
            return new CompleteStep(step.Id, taken.Nama, Catatan: $"Diputuskan otomatis: {taken.Jika}");
        if (step.Otomatis == Pemicu.Formulir && instance.Konteks.GetValueOrDefault(Konteks.Masuk) == "formulir")
            // The submission is what the step produced, so a later step asking for it (its kelengkapan) finds it.
            return new CompleteStep(step.Id, Catatan: "Dikerjakan melalui formulir permohonan",
                Keluaran: step.Output is { } output ? new Dictionary<string, string> { [output] = "formulir " + instance.Konteks.GetValueOrDefault("kodePelacakan", instance.Subjek) } : null);
        return null;
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
        var result = new EngineResult(instance, null, [], [], events);
        await BeforeCommitAsync(result, ct);
        await handle.CommitAsync(ct);
        return result;
    }

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
}

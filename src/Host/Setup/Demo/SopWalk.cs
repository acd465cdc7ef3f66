using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// One subject of the demo semester (a case, a programme) walking its SOP through time: people do its steps at plausible
/// moments (most within the time standard, some late), the SOP's reminders and escalations fire when they fall due, and
/// other things happen on an agenda (a registration, a note). <see cref="Next"/> is the moment of its next event; the
/// <see cref="Simulation"/> runs the events of all subjects of a campus in time order, up to now.
/// </summary>
public abstract class SopWalk(Campus campus, Stage stage, Random rng, DateTimeOffset now)
{
    private readonly SortedList<(DateTimeOffset, int), Func<DateTimeOffset, CancellationToken, Task>> _agenda = [];
    private (string StepId, Guid Activation, DateTimeOffset At)? _planned;
    private (SlaKind Kind, Guid Activation, DateTimeOffset At)? _timer;
    private int _agendaSeq;
    private bool _begun;
    private SopInstance? _last;
    private readonly HashSet<(Guid, SlaKind)> _fired = [];

    protected Campus Campus => campus;
    protected Stage Stage => stage;
    protected Random Rng => rng;
    /// <summary>The real now: the semester is written up to it, never past it.</summary>
    protected DateTimeOffset Now => now;
    protected Guid? InstanceId { get; set; }
    protected abstract SopDefinition Definition { get; }
    /// <summary>Steps completed by people, and assignments made: a case that has moved is no longer new.</summary>
    protected int Moves { get; set; }
    /// <summary>The share of steps done after their due time.</summary>
    protected virtual double LateShare => 0.12;

    public DateTimeOffset? Next { get; private set; }
    /// <summary>Why the walk stopped before its goal (a step refused), for the log.</summary>
    public string? Problem { get; protected set; }

    /// <summary>Starts the subject (opens the case, makes the programme) at <paramref name="at"/>.</summary>
    protected abstract Task BeginAsync(DateTimeOffset at, CancellationToken ct);

    /// <summary>Whether the walk leaves this step undone (the subject's state now is reached).</summary>
    protected abstract bool Stall(Langkah step, ActiveStep active, SopInstance instance);

    /// <summary>Does the step's work (its actions) as <paramref name="actor"/> and completes it.</summary>
    protected abstract Task WorkAsync(Langkah step, ActiveStep active, SopInstance instance, Member actor, DateTimeOffset at, CancellationToken ct);

    protected abstract Member? ActorFor(Langkah step, SopInstance instance);

    /// <summary>Reads what the walk decides on besides the instance (the case's status), after each event.</summary>
    protected virtual Task ObserveAsync(SopInstance instance) => Task.CompletedTask;

    public void StartAt(DateTimeOffset at) => Next = at;

    /// <summary>Something to do at <paramref name="at"/> besides the SOP's steps.</summary>
    protected void Later(DateTimeOffset at, Func<DateTimeOffset, CancellationToken, Task> work)
    {
        if (at <= now) _agenda.Add((at, _agendaSeq++), work);
    }

    public async Task StepAsync(CancellationToken ct)
    {
        var t = Next!.Value;
        if (!_begun)
        {
            _begun = true;
            await BeginAsync(t, ct);
            await PlanAsync(t, ct);
            return;
        }
        if (_timer is { } timer && timer.At <= t)
        {
            _fired.Add((timer.Activation, timer.Kind));
            await stage.RunAsync(timer.At, null, sp => sp.GetRequiredService<SopRuntime>().OnTimerAsync(timer.Kind, InstanceId!.Value, timer.Activation, ct), ct);
        }
        else if (_agenda.Count > 0 && _agenda.Keys[0].Item1 <= t)
        {
            var work = _agenda.Values[0];
            _agenda.RemoveAt(0);
            await work(t, ct);
        }
        else if (_planned is { } planned && planned.At <= t)
            await DoAsync(planned, t, ct);
        await PlanAsync(t, ct);
    }

    private async Task DoAsync((string StepId, Guid Activation, DateTimeOffset At) planned, DateTimeOffset t, CancellationToken ct)
    {
        // As read after this subject's last event: nothing else moves it while the semester is written.
        var instance = _last ?? await ReadAsync();
        if (instance?.Aktif.FirstOrDefault(a => a.ActivationId == planned.Activation) is not { } active) return;
        var step = Definition.Find(planned.StepId)!;
        if (ActorFor(step, instance) is not { } actor)
        {
            Problem = $"no one to do step {step.Label}";
            return;
        }
        await WorkAsync(step, active, instance, actor, t, ct);
    }

    /// <summary>Completes a step as <paramref name="actor"/>, confirming its kelengkapan as staff do on the case page.</summary>
    protected async Task<bool> CompleteAsync(Langkah step, Member actor, DateTimeOffset at, string? pilihan, CancellationToken ct, string? catatan = null)
    {
        var refusal = await stage.RunAsync(at, actor.Principal, sp => sp.GetRequiredService<CampusKonseling.Workflows.ISopSteps>()
            .CompleteAsync(InstanceId!.Value, step.Id, actor.Principal, pilihan, step.Kelengkapan, catatan, ct), ct);
        if (refusal is not null)
        {
            Problem = $"step {step.Label}: {refusal}";
            return false;
        }
        Moves++;
        return true;
    }

    protected Task<SopInstance?> ReadAsync() =>
        stage.ReadAsync(sp => sp.GetRequiredService<ISopStore>().InstanceAsync(InstanceId!.Value, CancellationToken.None));

    /// <summary>After each event: the next one is the earliest of a timer falling due, the agenda, and the next step's planned moment.</summary>
    private async Task PlanAsync(DateTimeOffset t, CancellationToken ct)
    {
        _planned = null;
        _timer = null;
        var instance = _last = InstanceId is null ? null : await ReadAsync();
        if (instance is { Status: InstanceStatus.Berjalan })
        {
            await ObserveAsync(instance);
            _timer = NextTimer(instance);
            if (Problem is null && instance.Aktif.Select(a => (Active: a, Step: Definition.Find(a.StepId)!))
                    .FirstOrDefault(x => !SopEngine.BySystem(x.Step, instance.Konteks)) is ({ } active, { } step))
            {
                if (!Stall(step, active, instance))
                {
                    var at = When(step, active, instance, t);
                    if (at <= now) _planned = (step.Id, active.ActivationId, at < t ? t : at);
                }
            }
        }
        var candidates = new[] { _timer?.At, _agenda.Count > 0 ? _agenda.Keys[0].Item1 : null, _planned?.At }.OfType<DateTimeOffset>().ToList();
        Next = candidates.Count == 0 ? null : candidates.Min() < t ? t : candidates.Min();
    }

    /// <summary>The earliest reminder or due time of an open step not yet fired, up to now (later ones are the real scheduler's).</summary>
    private (SlaKind Kind, Guid Activation, DateTimeOffset At)? NextTimer(SopInstance instance)
    {
        (SlaKind, Guid, DateTimeOffset)? first = null;
        foreach (var a in instance.Aktif)
        {
            if (!a.Diingatkan && !_fired.Contains((a.ActivationId, SlaKind.Pengingat)) && a.PengingatPada is { } remind && remind <= now && (first is null || remind < first.Value.Item3)) first = (SlaKind.Pengingat, a.ActivationId, remind);
            if (!a.Terlambat && !_fired.Contains((a.ActivationId, SlaKind.JatuhTempo)) && a.JatuhTempo is { } due && due <= now && (first is null || due < first.Value.Item3)) first = (SlaKind.JatuhTempo, a.ActivationId, due);
        }
        return first;
    }

    /// <summary>
    /// When people do the step: within its time standard most of the time (a share of it, in working time when the SOP
    /// counts working time), after it sometimes; not before its date (an appointment, a programme) when it has one.
    /// </summary>
    protected virtual DateTimeOffset When(Langkah step, ActiveStep active, SopInstance instance, DateTimeOffset t)
    {
        var from = active.DiaktifkanPada > t ? active.DiaktifkanPada : t;
        DateTimeOffset at;
        var late = rng.Chance(LateShare);
        if (active.JatuhTempo is { } due && due > active.DiaktifkanPada)
        {
            var span = due - active.DiaktifkanPada;
            at = late ? due + span * rng.Between(0.2, 1.5) + TimeSpan.FromMinutes(rng.Next(5, 90))
                : WaktuParser.TryParse(step.Waktu, out var waktu, out _) && waktu is { HasDuration: true } && step.Acuan is null
                    ? campus.Calendar.Add(active.DiaktifkanPada, waktu, Definition.JamKerja, rng.Between(0.15, 0.85))
                    : active.DiaktifkanPada + span * rng.Between(0.15, 0.85);
        }
        else at = campus.AddWorking(from, TimeSpan.FromMinutes(rng.Next(20, late ? 1500 : 600)));
        if (step.TidakSebelum is { } acuan && SopEngine.DateOf(instance, acuan) is { } date && at < date)
            // A step due at the very date it may not come before (the session "sesuai jadwal"): on time only when recorded as it starts.
            at = !late && active.JatuhTempo == date ? date : campus.AddWorking(date, TimeSpan.FromMinutes(rng.Next(60, 180)));
        return at < from ? from.AddMinutes(rng.Next(2, 15)) : at;
    }
}

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
public abstract partial class SopWalk(Campus campus, Stage stage, Random rng, DateTimeOffset now)
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

    /// <summary>For the progress log: the subject, its SOP and what it does next.</summary>
    public override string ToString() =>
        $"{GetType().Name} {InstanceId?.ToString() ?? "(not begun)"} of {Definition.Kode}: " + (_timer is { } timer ? $"{timer.Kind} at {timer.At:u}"
            : _planned is { } planned ? $"step {planned.StepId} at {planned.At:u}" : _agenda.Count > 0 ? $"agenda at {_agenda.Keys[0].Item1:u}" : "nothing");

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
}

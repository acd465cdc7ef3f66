using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>When a subject's next event is: a timer of its SOP falling due, its agenda, or its next step at a plausible moment.</summary>
public abstract partial class SopWalk
{
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

using System.Collections.Concurrent;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Timers;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// SLA timers while the demo semester is written: a step activated in the past would get a Quartz trigger firing at
/// once, in real time, racing the seeder, which fires the semester's reminders and escalations itself at the moments
/// they fall due. So timers asked for while travelling are held, dropped again when their step ends, and the ones still
/// standing (steps open now) are handed to Quartz when the campus is done (<see cref="ReleaseAsync"/>).
/// </summary>
public sealed class DemoTimers(ISlaTimers inner) : ISlaTimers
{
    private readonly ConcurrentDictionary<Guid, (string Tenant, Guid Instance, ActiveStep Step)> _held = new();

    public Task ScheduleAsync(string tenant, Guid instanceId, ActiveStep step, CancellationToken ct, bool moved = false)
    {
        if (!DemoClock.Travelling) return inner.ScheduleAsync(tenant, instanceId, step, ct, moved);
        _held[step.ActivationId] = (tenant, instanceId, step);
        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid activationId, CancellationToken ct) =>
        _held.TryRemove(activationId, out _) ? Task.CompletedTask : inner.CancelAsync(activationId, ct);

    /// <summary>The held timers of a campus's open steps go to the real scheduler.</summary>
    public async Task<int> ReleaseAsync(string tenant, CancellationToken ct)
    {
        var released = 0;
        foreach (var (id, held) in _held.Where(h => h.Value.Tenant == tenant).ToList())
        {
            if (!_held.TryRemove(id, out _)) continue;
            await inner.ScheduleAsync(held.Tenant, held.Instance, held.Step, ct);
            released++;
        }
        return released;
    }
}

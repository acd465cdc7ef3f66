using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Sop.Timers;

public enum SlaKind { Pengingat, JatuhTempo }

/// <summary>Durable timers for an activation's reminder and due time.</summary>
public interface ISlaTimers
{
    /// <summary>
    /// Sets the activation's timers to its reminder and due times. Called before the transition that made them commits, so a
    /// process dying between the two loses no timer; a timer of a transition that never committed finds nothing to do.
    /// </summary>
    /// <param name="moved">The activation had timers before (its due time moved): a kind it no longer has is removed (so asked only after the move committed).</param>
    Task ScheduleAsync(string tenant, Guid instanceId, ActiveStep step, CancellationToken ct, bool moved = false);
    Task CancelAsync(Guid activationId, CancellationToken ct);
}

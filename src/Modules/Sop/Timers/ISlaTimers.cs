using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Sop.Timers;

public enum SlaKind { Pengingat, JatuhTempo }

/// <summary>Durable timers for an activation's reminder and due time.</summary>
public interface ISlaTimers
{
    Task ScheduleAsync(string tenant, Guid instanceId, ActiveStep step, CancellationToken ct);
    Task CancelAsync(Guid activationId, CancellationToken ct);
}

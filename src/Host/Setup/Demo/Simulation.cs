namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Runs the events of all of a campus's demo subjects in time order, one at a time, up to now: numbers (case, letter) and
/// the audit chain follow the semester's calendar as they would have if it had really happened.
/// </summary>
public static class Simulation
{
    public static async Task<int> RunAsync(IReadOnlyList<SopWalk> walks, DateTimeOffset now, CancellationToken ct)
    {
        var queue = new PriorityQueue<int, (DateTimeOffset, int)>();
        for (var i = 0; i < walks.Count; i++)
            if (walks[i].Next is { } at && at <= now) queue.Enqueue(i, (at, i));
        var events = 0;
        while (queue.TryDequeue(out var i, out _))
        {
            ct.ThrowIfCancellationRequested();
            await walks[i].StepAsync(ct);
            events++;
            if (walks[i].Next is { } next && next <= now) queue.Enqueue(i, (next, i));
        }
        return events;
    }
}

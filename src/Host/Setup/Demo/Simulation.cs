namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Runs the events of all of a campus's demo subjects in time order, one at a time, up to now: numbers (case, letter) and
/// the audit chain follow the semester's calendar as they would have if it had really happened.
/// </summary>
public static class Simulation
{
    /// <param name="progress">Told, at most every <paramref name="every"/>, how many events are written and the moment reached.</param>
    public static async Task<int> RunAsync(IReadOnlyList<SopWalk> walks, DateTimeOffset now, CancellationToken ct,
        Action<int, DateTimeOffset, SopWalk>? progress = null, TimeSpan? every = null)
    {
        var told = System.Diagnostics.Stopwatch.StartNew();
        var queue = new PriorityQueue<int, (DateTimeOffset, int)>();
        for (var i = 0; i < walks.Count; i++)
            if (walks[i].Next is { } at && at <= now) queue.Enqueue(i, (at, i));
        var events = 0;
        while (queue.TryDequeue(out var i, out var key))
        {
            ct.ThrowIfCancellationRequested();
            if (progress is not null && told.Elapsed >= (every ?? TimeSpan.FromSeconds(30)))
            {
                progress(events, key.Item1, walks[i]);
                told.Restart();
            }
            await walks[i].StepAsync(ct);
            events++;
            if (walks[i].Next is { } next && next <= now) queue.Enqueue(i, (next, i));
        }
        return events;
    }
}

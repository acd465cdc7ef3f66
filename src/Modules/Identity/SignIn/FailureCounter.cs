using System.Collections.Concurrent;

namespace CampusKonseling.Identity.SignIn;

/// <summary>
/// Failures per key (a source address, a device) within a fixed window, in this process's memory: a brake
/// on guessing, not a record (the audit trail is the record). Expired keys are dropped as the map grows,
/// so a flood of new keys cannot exhaust memory.
/// </summary>
public sealed class FailureCounter(TimeProvider clock, TimeSpan window)
{
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, Window> _counts = new();

    private sealed record Window(DateTimeOffset Start, int Count);

    public int Count(string key) =>
        _counts.TryGetValue(key, out var w) && clock.GetUtcNow() - w.Start < window ? w.Count : 0;

    public int Add(string key)
    {
        var now = clock.GetUtcNow();
        if (_counts.Count > PruneAbove)
            foreach (var (k, w) in _counts)
                if (now - w.Start >= window) _counts.TryRemove(k, out _);
        return _counts.AddOrUpdate(key, _ => new Window(now, 1), (_, w) => now - w.Start >= window ? new Window(now, 1) : w with { Count = w.Count + 1 }).Count;
    }
}

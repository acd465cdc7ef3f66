namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// The demo's clock. It is the system clock, except inside <see cref="At"/>: the demo semester is written by the
/// real services at the moments it happened (weeks ago), so their own timestamps, due times, SLA escalations and
/// the audit trail say when. Only the flow that travels sees the other time (an AsyncLocal): requests, workers and
/// timers running meanwhile see now. Registered only when demo campuses are on, never in production.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Moment = new();

    /// <summary>The real time, whatever the flow's moment.</summary>
    public DateTimeOffset RealNow => System.GetUtcNow();

    /// <summary>Whether this flow writes the demo's past now.</summary>
    public static bool Travelling => Moment.Value is not null;

    public override DateTimeOffset GetUtcNow() => Moment.Value ?? System.GetUtcNow();

    /// <summary>Until disposed, this flow (and what it awaits) sees <paramref name="at"/> as now.</summary>
    public static IDisposable At(DateTimeOffset at)
    {
        var before = Moment.Value;
        Moment.Value = at.ToUniversalTime();
        return new Restore(before);
    }

    private sealed class Restore(DateTimeOffset? before) : IDisposable
    {
        public void Dispose() => Moment.Value = before;
    }
}

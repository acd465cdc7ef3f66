namespace CampusKonseling.Host.Infrastructure;

/// <summary>One violation as the platform keeps it: no report body, only what was blocked where.</summary>
public sealed record CspViolation(string Directive, string Blocked, string DocumentPath);

/// <summary>
/// Writes each violation to the log and keeps the last few in memory for the operator (and the tests):
/// a violation on a campus page means markup got past the sanitizer, or a page of ours broke.
/// </summary>
public sealed class CspViolationLog(ILogger<CspViolationLog> logger)
{
    private const int Keep = 100;
    private readonly Queue<CspViolation> _recent = new();

    public void Add(CspViolation violation)
    {
        logger.LogWarning("Content-Security-Policy violation: {Directive} blocked {Blocked} on {Path}", violation.Directive, violation.Blocked, violation.DocumentPath);
        lock (_recent)
        {
            _recent.Enqueue(violation);
            while (_recent.Count > Keep) _recent.Dequeue();
        }
    }

    public IReadOnlyList<CspViolation> Recent()
    {
        lock (_recent) return [.. _recent];
    }
}

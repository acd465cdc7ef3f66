namespace CampusKonseling.Modules;

/// <summary>Work a feature does periodically in each tenant where it is enabled.</summary>
public interface IBackgroundTask
{
    /// <summary>How often the task runs.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken ct);
}

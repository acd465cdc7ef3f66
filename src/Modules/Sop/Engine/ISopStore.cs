using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Engine;

/// <summary>A definition as one immutable version.</summary>
public sealed record SopVersion(Guid Id, int Versi, SopDefinition Definition);

/// <summary>Where instances live. The engine core never sees a database.</summary>
public interface ISopStore
{
    Task<SopVersion?> VersionAsync(Guid versionId, CancellationToken ct);
    Task<SopInstance?> InstanceAsync(Guid instanceId, CancellationToken ct);
    Task AddAsync(SopInstance instance, CancellationToken ct);
    /// <summary>Saves the new state: appended history entries and the current active steps.</summary>
    Task SaveAsync(SopInstance instance, IReadOnlyList<StepEvent> appended, CancellationToken ct);
}

/// <summary>Serialises work on one instance across threads and servers.</summary>
public interface IInstanceLocks
{
    /// <summary>Held until disposed; <c>CompleteAsync</c> on the handle makes the work durable.</summary>
    Task<IInstanceLock> AcquireAsync(Guid instanceId, CancellationToken ct);
}

public interface IInstanceLock : IAsyncDisposable
{
    Task CommitAsync(CancellationToken ct);
}

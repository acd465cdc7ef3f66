using System.Collections.Concurrent;
using CampusKonseling.Data;

namespace CampusKonseling.Shell;

/// <summary>
/// One running tenant: built by the shell host on first use and reused for every request of that
/// tenant until its registry entry changes or it has been idle long enough to be released.
/// </summary>
public sealed class ShellContext(TenantInfo tenant, CampusConnections connections) : IAsyncDisposable
{
    private int _active;
    private long _lastUsedTicks = DateTimeOffset.MinValue.UtcTicks; // never asked for by a request yet

    public TenantInfo Tenant { get; } = tenant;
    public string Name => Tenant.Name;
    /// <summary>The campus's database connections, paid for from its server's connection budget.</summary>
    public CampusConnections Connections { get; } = connections;
    public IReadOnlySet<string> Features { get; } = tenant.EnabledFeatures.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-tenant caches (settings, permission grants); dropped with the shell.</summary>
    public ConcurrentDictionary<string, object> Cache { get; } = new();

    public bool IsEnabled(string featureId) => Features.Contains(featureId);

    /// <summary>Scopes (requests, jobs) working in this shell now; a shell in use is never released.</summary>
    public int ActiveScopes => Volatile.Read(ref _active);

    /// <summary>When a request or job last asked for this shell (<see cref="DateTimeOffset.MinValue"/>: only background visits so far).</summary>
    public DateTimeOffset LastUsedUtc => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>When the shell host released it (it is disposed once unused for a while after that); MinValue while live.</summary>
    public DateTimeOffset RetiredAtUtc { get; set; } = DateTimeOffset.MinValue;

    /// <summary>A scope (or the shell host, while handing it out) works in this shell: it is not disposed meanwhile.</summary>
    public void Enter() => Interlocked.Increment(ref _active);
    public void Leave() => Interlocked.Decrement(ref _active);

    public ValueTask DisposeAsync() => Connections.DisposeAsync();
}

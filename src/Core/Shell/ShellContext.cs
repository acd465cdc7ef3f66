using System.Collections.Concurrent;
using Npgsql;

namespace CampusKonseling.Shell;

/// <summary>
/// One running tenant: built once by the shell host and reused for every request of that
/// tenant until its registry entry changes.
/// </summary>
public sealed class ShellContext(TenantInfo tenant, NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public TenantInfo Tenant { get; } = tenant;
    public string Name => Tenant.Name;
    public NpgsqlDataSource DataSource { get; } = dataSource;
    public IReadOnlySet<string> Features { get; } = tenant.EnabledFeatures.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-tenant caches (settings, permission grants); dropped with the shell.</summary>
    public ConcurrentDictionary<string, object> Cache { get; } = new();

    public bool IsEnabled(string featureId) => Features.Contains(featureId);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

namespace CampusKonseling.Shell;

public interface ITenantRegistry
{
    /// <summary>All tenants, from a short-lived cache.</summary>
    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct = default);

    /// <summary>All tenants, read again unless the cache is younger than <paramref name="maxAge"/> (for names the cache does not know).</summary>
    Task<IReadOnlyList<TenantInfo>> ListFreshAsync(TimeSpan maxAge, CancellationToken ct = default);
    Task<TenantInfo?> FindAsync(string name, CancellationToken ct = default);
    Task SaveAsync(TenantInfo tenant, CancellationToken ct = default);
    Task RemoveAsync(string name, CancellationToken ct = default);
}

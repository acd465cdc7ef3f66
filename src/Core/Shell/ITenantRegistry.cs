namespace CampusKonseling.Shell;

public interface ITenantRegistry
{
    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct = default);
    Task<TenantInfo?> FindAsync(string name, CancellationToken ct = default);
    Task SaveAsync(TenantInfo tenant, CancellationToken ct = default);
    Task RemoveAsync(string name, CancellationToken ct = default);
}

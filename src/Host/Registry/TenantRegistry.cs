using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Registry;

/// <summary>
/// Reads the registry through a short-lived cache: every request resolves its tenant from
/// it, so it must not cost a query each time. Writes on this node refresh it at once; other
/// nodes see changes within <see cref="CacheFor"/>.
/// </summary>
public sealed class TenantRegistry(IDbContextFactory<HostDb> dbs, TimeProvider clock) : ITenantRegistry
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<TenantInfo> Tenants, DateTimeOffset LoadedAt);

    public Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct = default) => ListFreshAsync(CacheFor, ct);

    public async Task<IReadOnlyList<TenantInfo>> ListFreshAsync(TimeSpan maxAge, CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < maxAge)
            return snapshot.Tenants;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var records = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var tenants = records.Select(r => r.ToInfo()).ToList();
        _snapshot = new Snapshot(tenants, clock.GetUtcNow());
        return tenants;
    }

    public async Task<TenantInfo?> FindAsync(string name, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task SaveAsync(TenantInfo tenant, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var record = await db.Tenants.FindAsync([tenant.Name], ct);
        if (record is null)
        {
            record = new TenantRecord { Name = tenant.Name, DisplayName = tenant.DisplayName, DatabaseName = tenant.DatabaseName, CreatedUtc = clock.GetUtcNow() };
            db.Tenants.Add(record);
        }
        record.CopyFrom(tenant);
        record.UpdatedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        _snapshot = null;
    }

    public async Task RemoveAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Tenants.Where(t => t.Name == name).ExecuteDeleteAsync(ct);
        _snapshot = null;
    }
}

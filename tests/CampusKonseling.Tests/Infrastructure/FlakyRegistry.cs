using CampusKonseling.Host.Registry;
using CampusKonseling.Shell;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// A node's campus list, failing as an unreachable host database does while <see cref="Down"/> (reads only). Given to a
/// node of its own: <c>services.AddSingleton&lt;ITenantRegistry&gt;(sp =&gt; registry.Around(sp))</c>.
/// </summary>
public sealed class FlakyRegistry : ITenantRegistry
{
    private ITenantRegistry _inner = null!;
    public volatile bool Down;

    public ITenantRegistry Around(IServiceProvider services)
    {
        _inner = ActivatorUtilities.CreateInstance<TenantRegistry>(services);
        return this;
    }

    private T Up<T>(T value) => Down ? throw new NpgsqlException("host database unreachable (test)") : value;
    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct = default) => Up(await _inner.ListAsync(ct));
    public async Task<IReadOnlyList<TenantInfo>> ListFreshAsync(TimeSpan maxAge, CancellationToken ct = default) => Up(await _inner.ListFreshAsync(maxAge, ct));
    public async Task<TenantInfo?> FindAsync(string name, CancellationToken ct = default) => Up(await _inner.FindAsync(name, ct));
    public Task SaveAsync(TenantInfo tenant, CancellationToken ct = default) => _inner.SaveAsync(tenant, ct);
    public Task RemoveAsync(string name, CancellationToken ct = default) => _inner.RemoveAsync(name, ct);
}

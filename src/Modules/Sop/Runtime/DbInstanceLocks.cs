using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// Locks an instance's row (SELECT … FOR UPDATE) in a transaction that the store's writes join,
/// so two servers completing the same step queue up and the second sees the first's result.
/// </summary>
public sealed class DbInstanceLocks(SopDb db) : IInstanceLocks
{
    public async Task<IInstanceLock> AcquireAsync(Guid instanceId, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM sop.instances WHERE id = {instanceId} FOR UPDATE", ct);
        return new Handle(tx);
    }

    private sealed class Handle(IDbContextTransaction tx) : IInstanceLock
    {
        private bool _committed;

        public async Task CommitAsync(CancellationToken ct)
        {
            await tx.CommitAsync(ct);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed) await tx.RollbackAsync();
            await tx.DisposeAsync();
        }
    }
}

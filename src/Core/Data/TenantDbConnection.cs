using System.Data.Common;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CampusKonseling.Data;

/// <summary>
/// Scoped: one connection to the current tenant's database shared by every module DbContext
/// in the scope, so a recipe or a form submission can apply several modules' changes in one transaction.
/// </summary>
public sealed class TenantDbConnection(CurrentShell current) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private readonly List<DbContext> _enlisted = [];

    public NpgsqlConnection Connection => _connection ??= current.Shell.DataSource.CreateConnection();

    /// <summary>Makes a module's DbContext write inside the shared transaction (once per transaction).</summary>
    public async Task EnlistAsync(DbContext db, DbTransaction transaction, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null) return;
        await db.Database.UseTransactionAsync(transaction, ct);
        _enlisted.Add(db);
    }

    /// <summary>
    /// Detaches every enlisted DbContext once the shared transaction is committed or rolled back,
    /// so work after it (notifying staff) runs in its own implicit transaction instead of the finished one.
    /// </summary>
    public async Task ReleaseAsync()
    {
        foreach (var db in _enlisted) await db.Database.UseTransactionAsync(null);
        _enlisted.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

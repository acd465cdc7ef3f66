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

    public NpgsqlConnection Connection => _connection ??= current.Shell.Connections.CreateConnection(keepSlot: true);

    /// <summary>Whether the scope's connection holds a slot of the connection budget (a second connection then takes its own without waiting).</summary>
    public bool HoldsSlot => _connection is not null && CampusConnections.HoldsSlot(_connection);

    /// <summary>
    /// Gives back the slot the scope keeps between queries while its connection is closed (the response is being sent:
    /// a slow reader must not hold a connection of the server); a later query waits for one again.
    /// </summary>
    public void LetGoBetweenQueries()
    {
        if (_connection is { State: System.Data.ConnectionState.Closed }) CampusConnections.Release(_connection);
    }

    /// <summary>Opens the scope's connection, waiting for a slot of the server's connection budget when needed.</summary>
    public Task OpenAsync(CancellationToken ct = default) => CampusConnections.OpenAsync(Connection, ct);

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
        if (_connection is null) return;
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            // The scope kept its connection's slot across EF's closes and opens; it ends here.
            CampusConnections.Release(_connection);
        }
    }
}

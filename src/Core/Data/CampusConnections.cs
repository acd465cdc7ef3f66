using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;

namespace CampusKonseling.Data;

/// <summary>
/// One campus's connections to its database: an Npgsql pool whose physical connections are paid for
/// with slots of the server's <see cref="ConnectionBudget"/>. The campus holds at least as many slots as
/// it has physical connections (<c>held ≥ physical</c>): a connection is opened only after a slot is
/// taken, unless the campus already holds more slots than connections in use; slots come back when
/// the pool is cleared (idle connections closed at once, busy ones when returned).
/// A scope's connection (<see cref="TenantDbConnection"/>) keeps its slot from its first open until the scope
/// ends, across the closes and opens EF makes around each query: a request waits for a slot once, not once per
/// query behind everyone else waiting. Other connections give theirs back when they close.
/// </summary>
/// <remarks>
/// Every open goes through here: <see cref="OpenAsync(NpgsqlConnection, CancellationToken)"/>, the EF
/// interceptor <see cref="BudgetedConnections"/> for connections EF opens, and — for an open nobody
/// announced — the connection's StateChange, which takes a slot without waiting so the count stays true.
/// A scope that already has a connection open and needs a second one (the audit chain's own transaction)
/// takes it without waiting too: waiting there could leave every slot held by someone waiting for another.
/// </remarks>
public sealed class CampusConnections : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<NpgsqlConnection, Lease> Leases = new();

    private readonly NpgsqlDataSource _source;
    private readonly ConnectionBudget _budget;
    private readonly object _gate = new();
    private readonly int _maxPool;
    private int _held, _inUse;
    private bool _disposed;

    /// <param name="maxPool">The pool's Maximum Pool Size: the campus never has more physical connections, so never needs more slots.</param>
    public CampusConnections(NpgsqlDataSource source, ConnectionBudget budget, int maxPool = int.MaxValue)
    {
        _source = source;
        _budget = budget;
        _maxPool = Math.Max(1, maxPool);
        budget.Join(this);
    }

    public ConnectionBudget Budget => _budget;
    public int InUse { get { lock (_gate) return _inUse; } }
    public int Held { get { lock (_gate) return _held; } }

    /// <summary>The campus's data source, for code that needs one (the key ring); its opens are counted too.</summary>
    internal NpgsqlDataSource Source => _source;

    /// <summary>A closed connection to the campus database; open it with <see cref="OpenAsync(NpgsqlConnection, CancellationToken)"/>.</summary>
    /// <param name="keepSlot">
    /// Keep the slot across closes until <see cref="Release"/> (a scope's connection); otherwise it goes back at each close.
    /// </param>
    public NpgsqlConnection CreateConnection(bool keepSlot = false)
    {
        var connection = _source.CreateConnection();
        Leases.Add(connection, new Lease(this, keepSlot));
        connection.StateChange += OnStateChange;
        return connection;
    }

    /// <summary>Whether the connection holds a slot now (open, or a scope's connection between two queries).</summary>
    public static bool HoldsSlot(NpgsqlConnection connection) => Leases.TryGetValue(connection, out var lease) && lease.Taken;

    /// <summary>Gives back the slot a scope's connection kept (its scope ended).</summary>
    public static void Release(NpgsqlConnection connection)
    {
        if (!Leases.TryGetValue(connection, out var lease) || !lease.Taken) return;
        GiveBack(lease);
    }

    /// <summary>Opens a new connection, waiting for a slot; <paramref name="waitForSlot"/> false takes it at once (see remarks).</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(bool waitForSlot = true, CancellationToken ct = default)
    {
        var connection = CreateConnection();
        if (waitForSlot) await OpenAsync(connection, ct);
        else await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Opens a connection of any campus, waiting for a slot of its server when needed.</summary>
    public static async Task OpenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (connection.State == ConnectionState.Open) return;
        await BeforeOpenAsync(connection, ct);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch
        {
            OpenFailed(connection);
            throw;
        }
    }

    /// <summary>Takes the slot a connection about to open needs (no-op for connections not made here).</summary>
    internal static async ValueTask BeforeOpenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (!Leases.TryGetValue(connection, out var lease) || lease.Taken) return;
        await lease.Owner.TakeAsync(ct);
        lease.Taken = true;
    }

    /// <summary>Gives back the slot of a connection that did not open (a scope's connection keeps it for the next try).</summary>
    internal static void OpenFailed(NpgsqlConnection connection)
    {
        if (!Leases.TryGetValue(connection, out var lease) || !lease.Taken || lease.KeepSlot || connection.State == ConnectionState.Open) return;
        GiveBack(lease);
    }

    private static void OnStateChange(object sender, StateChangeEventArgs e)
    {
        var connection = (NpgsqlConnection)sender;
        if (!Leases.TryGetValue(connection, out var lease)) return;
        if (e.CurrentState == ConnectionState.Open && !lease.Taken)
        {
            // Opened without asking (code that opens the connection itself): counted at once, so the count stays true.
            lease.Owner.TakeNow();
            lease.Taken = true;
        }
        else if (e.CurrentState is ConnectionState.Closed or ConnectionState.Broken && lease.Taken && !lease.KeepSlot) GiveBack(lease);
    }

    private async ValueTask TakeAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Beyond its pool size a campus shares the slots it holds: Npgsql makes the extra opens wait for its own connections.
            if (_inUse < _held || _held >= _maxPool)
            {
                _inUse++;
                return;
            }
        }
        await _budget.TakeAsync(ct);
        lock (_gate)
        {
            _held++;
            _inUse++;
        }
    }

    private void TakeNow()
    {
        lock (_gate)
        {
            _inUse++;
            if (_inUse <= _held || _held >= _maxPool) return;
            _held++;
        }
        _budget.TakeNow();
    }

    /// <summary>A connection gave its slot back. While others wait for a slot, this campus keeps none idle.</summary>
    private void Return()
    {
        var closed = false;
        lock (_gate)
        {
            _inUse--;
            // After the campus is released its connections close as they come back, and so give their slots back.
            if (_disposed && _held > _inUse)
            {
                _held--;
                closed = true;
            }
        }
        if (closed) _budget.Give(1);
        else if (_budget.Waiting > 0) GiveBackIdle();
    }

    /// <summary>
    /// Closes the idle connections and gives their slots back; busy connections are closed when they come
    /// back, so only the slots of connections in use stay held.
    /// </summary>
    public void GiveBackIdle()
    {
        int surplus;
        lock (_gate)
        {
            surplus = _held - Math.Min(_inUse, _held);
            if (surplus <= 0 || _disposed) return;
            _held -= surplus;
        }
        _source.Clear();
        _budget.Give(surplus);
    }

    public async ValueTask DisposeAsync()
    {
        int surplus;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            surplus = _held - Math.Min(_inUse, _held);
            _held -= surplus;
        }
        _budget.Leave(this);
        // Disposing the data source closes its idle connections, so the database can be dropped;
        // connections still in use close when they come back (and give their slots back then).
        await _source.DisposeAsync();
        _budget.Give(surplus);
    }

    /// <summary>A connection's slot goes back to its campus (and from there to the server's budget).</summary>
    private static void GiveBack(Lease lease)
    {
        lease.Taken = false;
        lease.Owner.Return();
    }

    private sealed class Lease(CampusConnections owner, bool keepSlot)
    {
        public CampusConnections Owner { get; } = owner;
        public bool KeepSlot { get; } = keepSlot;
        public bool Taken { get; set; }
    }
}

namespace CampusKonseling.Data;

/// <summary>
/// The connections one database server grants all the campuses on it, so the server's
/// <c>max_connections</c> is bounded by a setting and not by the number of campuses (ADR 0018).
/// A campus takes a slot before it opens a connection beyond those it already holds; when none is
/// free it waits, first come first served, while the campuses holding idle connections are asked to
/// give them back. Waiting longer than the budget's wait ends in <see cref="ConnectionBudgetTimeoutException"/>
/// (the platform answers 503 "sibuk"), never in the server refusing a connection.
/// </summary>
public sealed class ConnectionBudget(string server, int limit, TimeSpan wait)
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private readonly HashSet<CampusConnections> _campuses = [];
    private int _taken, _peak;

    public string Server { get; } = server;
    public int Limit { get; } = Math.Max(1, limit);
    public TimeSpan Wait { get; } = wait;

    public int Taken { get { lock (_gate) return _taken; } }
    public int Waiting { get { lock (_gate) return _waiters.Count; } }
    /// <summary>The most slots taken at once since the host started (a forced slot can take it above the limit).</summary>
    public int Peak { get { lock (_gate) return _peak; } }
    /// <summary>How many requests had to wait for a slot.</summary>
    public long Waits => Interlocked.Read(ref _waits);
    private long _waits;

    internal void Join(CampusConnections campus) { lock (_gate) _campuses.Add(campus); }
    internal void Leave(CampusConnections campus) { lock (_gate) _campuses.Remove(campus); }

    /// <summary>Takes one slot, waiting while the server's share is used up.</summary>
    internal async ValueTask TakeAsync(CancellationToken ct)
    {
        LinkedListNode<TaskCompletionSource> node;
        CampusConnections[] holders;
        lock (_gate)
        {
            if (_taken < Limit && _waiters.Count == 0)
            {
                _peak = Math.Max(_peak, ++_taken);
                return;
            }
            node = _waiters.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            holders = [.. _campuses];
        }
        Interlocked.Increment(ref _waits);
        // Idle connections other campuses keep warm are given back first.
        foreach (var campus in holders) campus.GiveBackIdle();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Wait);
        await using var _ = timeout.Token.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is null) return; // the slot was handed over just before
                _waiters.Remove(node);
            }
            node.Value.TrySetCanceled();
        });
        try
        {
            await node.Value.Task;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ConnectionBudgetTimeoutException(Server, Wait);
        }
    }

    /// <summary>Takes a slot without waiting: for a connection opened where waiting could deadlock (see <see cref="CampusConnections"/>).</summary>
    internal void TakeNow()
    {
        lock (_gate) _peak = Math.Max(_peak, ++_taken);
    }

    /// <summary>Gives slots back; each goes to the longest waiting request first.</summary>
    internal void Give(int count)
    {
        if (count <= 0) return;
        var handed = new List<TaskCompletionSource>();
        lock (_gate)
        {
            for (; count > 0; count--)
            {
                // A slot handed to a waiter stays taken, now by the waiter; above the limit (after a forced slot) it is not handed on.
                if (_taken <= Limit && _waiters.First is { } first)
                {
                    _waiters.RemoveFirst();
                    handed.Add(first.Value);
                }
                else if (_taken > 0) _taken--;
            }
        }
        foreach (var waiter in handed) waiter.TrySetResult();
    }
}

/// <summary>A campus waited longer than the budget allows for a database connection: the server is busy, nothing is wrong with the request.</summary>
public sealed class ConnectionBudgetTimeoutException(string server, TimeSpan wait)
    : TimeoutException($"No database connection of server '{server}' became free within {wait.TotalSeconds:0} s.");

using Npgsql;

namespace CampusKonseling.Data;

/// <summary>
/// Database failures that say nothing about the request: the server ended the session (failover, restart,
/// pg_terminate_backend), the socket broke, the server cannot take connections yet. Trying again on a fresh
/// connection is the cure, as long as nothing of the request was committed.
/// </summary>
public static class TransientFailures
{
    /// <summary>admin_shutdown, crash_shutdown, cannot_connect_now: the server ended or refused the session before running anything new.</summary>
    public static readonly string[] ShutdownCodes = [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow];

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg) return ShutdownCodes.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.IsTransient;
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// Waiting for a connection took too long: the server's connection budget, or the campus's own pool (Npgsql's
    /// "The connection pool has been exhausted", a timeout inside an NpgsqlException; Npgsql gives it no code of its own,
    /// so its message is what tells it from a server that cannot be reached). The request is answered "sibuk" (503) and
    /// not tried again: the wait already happened.
    /// </summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ConnectionBudgetTimeoutException) return true;
            if (e is NpgsqlException and not PostgresException && e.InnerException is TimeoutException
                && e.Message.Contains("pool has been exhausted", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// Once one pooled connection turned out dead, its idle siblings almost surely are too (they were ended
    /// together): the pool is emptied so the next open gets a live one instead of the next corpse.
    /// </summary>
    public static void ForgetIdleConnections(System.Data.Common.DbConnection? connection)
    {
        if (connection is NpgsqlConnection npgsql) NpgsqlConnection.ClearPool(npgsql);
    }
}

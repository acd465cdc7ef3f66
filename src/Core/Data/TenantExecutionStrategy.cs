using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CampusKonseling.Data;

/// <summary>
/// Retries a campus database operation after a transient failure, but only an operation that owns its whole
/// unit of work: the connection is closed when it starts (EF opens it, runs one query or one SaveChanges in its
/// own transaction, and closes it), so a retry replays nothing that was committed. Work inside a caller's
/// transaction (ISopLauncher, IOutbox, IAuditLog joining a form submission) or on a connection the caller
/// opened runs once, as before: the caller decides, and a form post says its answers were not saved.
/// The stock NpgsqlRetryingExecutionStrategy refuses such transactions outright instead.
/// </summary>
public sealed class TenantExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, TransientFailures.ShutdownCodes)
{
    // A dead pooled connection is found on the first command and the pool is then emptied: one quick
    // retry is the common case; the rest covers a server that is still coming back from a restart.
    private const int MaxRetries = 4;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private DbContext Context => Dependencies.CurrentContext.Context;

    private bool OwnsItsWork =>
        Context.Database.CurrentTransaction is null && Context.Database.GetDbConnection().State == System.Data.ConnectionState.Closed;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        OwnsItsWork ? base.Execute(state, operation, verifySucceeded) : operation(Context, state);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        OwnsItsWork ? base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken) : operation(Context, state, cancellationToken);

    protected override bool ShouldRetryOn(Exception? exception)
    {
        // Waiting for the connection budget already took its time: waiting again would only keep the person longer.
        if (TransientFailures.IsBusy(exception)) return false;
        var retry = exception is not null && (base.ShouldRetryOn(exception) || TransientFailures.IsTransient(exception));
        if (retry) TransientFailures.ForgetIdleConnections(Context.Database.GetDbConnection());
        return retry;
    }
}

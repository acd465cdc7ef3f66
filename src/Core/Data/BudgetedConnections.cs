using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CampusKonseling.Data;

/// <summary>
/// Makes EF wait for a slot of the campus's <see cref="ConnectionBudget"/> before it opens the scope's
/// connection, and give the slot back when the open fails (the close is seen by <see cref="CampusConnections"/>).
/// </summary>
public sealed class BudgetedConnections : DbConnectionInterceptor
{
    public static readonly BudgetedConnections Instance = new();

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (connection is NpgsqlConnection npgsql) await CampusConnections.BeforeOpenAsync(npgsql, cancellationToken);
        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (connection is NpgsqlConnection npgsql) CampusConnections.BeforeOpenAsync(npgsql, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is NpgsqlConnection npgsql) CampusConnections.OpenFailed(npgsql);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        if (connection is NpgsqlConnection npgsql) CampusConnections.OpenFailed(npgsql);
    }
}

using CampusKonseling.Shell;
using Npgsql;

namespace CampusKonseling.Data;

/// <summary>
/// Scoped: one connection to the current tenant's database shared by every module DbContext
/// in the scope, so a recipe can apply several modules' changes in one transaction.
/// </summary>
public sealed class TenantDbConnection(CurrentShell current) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public NpgsqlConnection Connection => _connection ??= current.Shell.DataSource.CreateConnection();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

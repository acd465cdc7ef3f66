using Npgsql;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>The real PostgreSQL the tests run against (./test.sh starts it).</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("CK_TEST_CONNECTION")
        ?? "Host=localhost;Port=5432;Database=campuskonseling_test;Username=campuskonseling;Password=campuskonseling";

    public const string TenantDatabasePrefix = "ckt_";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    public static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = name } } };
        return await cmd.ExecuteScalarAsync() is not null;
    }

    public static async Task<List<string>> DatabasesAsync(string prefix)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", conn) { Parameters = { new() { Value = prefix + "%" } } };
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor(database));
        await conn.OpenAsync();
        // DROP DATABASE waits for a checkpoint, which on a loaded CI machine can outlast the default 30 s.
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops a scratch database. The server's autovacuum worker may be visiting a database just made, and a
    /// non-superuser cannot end it, so FORCE is refused for a moment: try again shortly.
    /// </summary>
    public static async Task DropAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    public static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }
}

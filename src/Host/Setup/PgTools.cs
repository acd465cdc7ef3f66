using System.Diagnostics;
using Npgsql;

namespace CampusKonseling.Host.Setup;

/// <summary>The PostgreSQL client tools and exact row counts a campus's move between servers uses.</summary>
internal static class PgTools
{
    /// <summary>Rows per table of every schema the platform made, read exactly.</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
            ORDER BY 1
            """, conn))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
            counts[table] = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return counts;
    }

    /// <summary>Runs pg_dump or pg_restore with the connection in libpq's environment variables, never on the command line.</summary>
    public static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (tool == "pg_restore") start.ArgumentList.Add("--dbname=" + c.Database);
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString();
        start.Environment["PGUSER"] = c.Username;
        start.Environment["PGDATABASE"] = c.Database;
        if (!string.IsNullOrEmpty(c.Password)) start.Environment["PGPASSWORD"] = c.Password;
        if (c.SslMode is not SslMode.Disable and not SslMode.Prefer) start.Environment["PGSSLMODE"] = c.SslMode switch
        {
            SslMode.Require => "require", SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ToolFailed($"{tool} tidak ditemukan: pasang paket postgresql-client (versi server atau lebih baru).");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new ToolFailed($"{tool} gagal ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    /// <summary>A tool was missing or failed; its message is for the operator, in Indonesian.</summary>
    public sealed class ToolFailed(string message) : Exception(message);
}

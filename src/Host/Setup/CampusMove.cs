using System.Diagnostics;
using CampusKonseling.Host.Shells;
using CampusKonseling.Shell;
using Npgsql;

namespace CampusKonseling.Host.Setup;

/// <summary>
/// Moves a campus's database to another of the platform's database servers (CLI <c>tenants move</c>): closes the
/// campus, dumps its database (pg_dump), restores it on the target server (pg_restore), checks that every table
/// holds as many rows there, switches the registry entry and opens the campus again. Until the switch the source
/// database is untouched, so a failure anywhere reopens the campus where it was; after it, the source database is
/// kept unless asked to drop it.
/// </summary>
public sealed class CampusMove(ITenantRegistry registry, TenantDatabases databases, ShellHost shells, ILogger<CampusMove> logger)
{
    /// <summary>How long other nodes may go on using their cached registry entry (TenantRegistry's cache).</summary>
    public static readonly TimeSpan OtherNodesSee = TimeSpan.FromSeconds(16);

    public async Task<IReadOnlyList<string>> MoveAsync(string name, string server, bool dropSource, TextWriter progress, CancellationToken ct = default)
    {
        var tenant = await registry.FindAsync(name, ct);
        var target = databases.CanonicalServer(server.Trim());
        if (tenant is null) return [$"Kampus '{name}' tidak ada."];
        if (tenant.IsDefault) return ["Administrasi host tidak dipindahkan: basis datanya adalah basis data host."];
        if (tenant.ConnectionString is not null) return [$"Kampus '{name}' memakai basis data milik sendiri (string koneksi); pindahkan dengan pg_dump/pg_restore lalu ubah string koneksinya."];
        if (tenant.State == TenantState.Uninitialized) return [$"Kampus '{name}' belum disiapkan; hapus lalu buat di server tujuan."];
        if (!databases.IsKnownServer(target)) return [$"Server basis data '{server}' tidak dikenal. Server yang tersedia: {string.Join(", ", databases.ServerNames)}."];
        if (string.Equals(tenant.Server ?? TenantInfo.MainServer, target ?? TenantInfo.MainServer, StringComparison.OrdinalIgnoreCase))
            return [$"Kampus '{name}' sudah berada di server '{server}'."];
        if (await databases.ExistsAsync(target, tenant.DatabaseName, ct))
            return [$"Server '{server}' sudah memiliki basis data {tenant.DatabaseName}; tidak ada yang diubah. Hapus basis data itu dulu bila memang sisa pemindahan lama."];

        var moved = tenant with { Server = target };
        var from = tenant.Server ?? TenantInfo.MainServer;
        var to = target ?? TenantInfo.MainServer;
        // A folder only this user can read (CreateTempSubdirectory makes it 0700 on Linux): the dump is a whole campus's data.
        var folder = Directory.CreateTempSubdirectory("ck-move-");
        var dump = Path.Combine(folder.FullName, $"{tenant.Name}.dump");
        var created = false;
        var switched = false;
        var readOnly = false;
        await registry.SaveAsync(tenant with { State = TenantState.Disabled }, ct);
        await shells.ReloadAsync(tenant.Name);
        try
        {
            await progress.WriteLineAsync($"{name}: closed (every node shows it as disabled within {OtherNodesSee.TotalSeconds:0} s); waiting for that");
            await Task.Delay(OtherNodesSee, ct);
            // Nothing written after the dump can be lost: the source takes no more writes, and its sessions end.
            await databases.SetReadOnlyAsync(tenant, true, ct);
            readOnly = true;
            await databases.EndSessionsAsync(tenant, ct);

            await progress.WriteLineAsync($"{name}: dumping {tenant.DatabaseName} on server {from}");
            await RunAsync("pg_dump", ["--format=custom", "--file", dump], databases.ConnectionStringFor(tenant), ct);
            await databases.CreateAsync(moved, ct);
            created = true;
            await progress.WriteLineAsync($"{name}: restoring on server {to}");
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump], databases.ConnectionStringFor(moved), ct);

            var before = await CountRowsAsync(databases.ConnectionStringFor(tenant), ct);
            var after = await CountRowsAsync(databases.ConnectionStringFor(moved), ct);
            var differ = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t, -1) != after.GetValueOrDefault(t, -1)).ToList();
            if (differ.Count > 0)
                throw new MoveRefused($"Hasil pemindahan tidak sama dengan sumbernya pada tabel {string.Join(", ", differ.Take(5))}; kampus tetap di server {from}.");
            await progress.WriteLineAsync($"{name}: verified: {after.Count} tables, {after.Values.Sum()} rows, the same as on server {from}");

            await registry.SaveAsync(moved, ct);
            switched = true;
            await shells.ReloadAsync(tenant.Name);
            logger.LogInformation("Tenant {Tenant} moved from server {From} to {To}", name, from, to);
            await progress.WriteLineAsync($"{name}: moved to server {to} and open again ({tenant.State})");
            if (dropSource)
            {
                await databases.DropAsync(tenant, ct);
                await progress.WriteLineAsync($"{name}: database {tenant.DatabaseName} dropped on server {from}");
            }
            else await progress.WriteLineAsync($"{name}: database {tenant.DatabaseName} kept on server {from}, read-only; drop it once the campus works (dropdb), before ever moving the campus back there");
            return [];
        }
        catch (Exception ex) when (!switched)
        {
            // Open again where it was: nothing of the source was changed.
            if (readOnly) await databases.SetReadOnlyAsync(tenant, false, CancellationToken.None);
            if (created) await databases.DropAsync(moved, CancellationToken.None);
            await registry.SaveAsync(tenant, CancellationToken.None);
            await shells.ReloadAsync(tenant.Name);
            logger.LogError(ex, "Tenant {Tenant} not moved to server {To}", name, to);
            return [ex switch
            {
                OperationCanceledException => $"Pemindahan dibatalkan; kampus tetap di server {from}.",
                MoveRefused or ToolFailed => ex.Message,
                _ => $"Pemindahan gagal ({ex.Message}); kampus tetap di server {from}.",
            }];
        }
        catch (Exception ex)
        {
            // After the switch the campus runs on the new server: nothing is undone; only the old copy is left to drop.
            logger.LogError(ex, "Tenant {Tenant} moved to server {To}, but its old database could not be dropped", name, to);
            return [$"Kampus sudah pindah ke server {to} dan berjalan, tetapi basis data lamanya di server {from} belum terhapus: {ex.Message}"];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Rows per table of every schema the platform made, read exactly.</summary>
    private static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString, CancellationToken ct)
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
    private static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct)
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

    private sealed class MoveRefused(string message) : Exception(message);
    private sealed class ToolFailed(string message) : Exception(message);
}

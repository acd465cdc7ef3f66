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
            await PgTools.RunAsync("pg_dump", ["--format=custom", "--file", dump], databases.ConnectionStringFor(tenant), ct);
            await databases.CreateAsync(moved, ct);
            created = true;
            await progress.WriteLineAsync($"{name}: restoring on server {to}");
            await PgTools.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump], databases.ConnectionStringFor(moved), ct);

            var before = await PgTools.CountRowsAsync(databases.ConnectionStringFor(tenant), ct);
            var after = await PgTools.CountRowsAsync(databases.ConnectionStringFor(moved), ct);
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
                MoveRefused or PgTools.ToolFailed => ex.Message,
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

    private sealed class MoveRefused(string message) : Exception(message);
}

using System.Data.Common;
using CampusKonseling.Audit.Data;
using CampusKonseling.Shell;
using Npgsql;

namespace CampusKonseling.Audit.Chain;

/// <summary>
/// Appends to the campus's chain. Appends are serialized by a transaction-scoped advisory lock:
/// the head (last number and hash) is read only after the lock is held, and the lock is released
/// when the transaction that wrote the entry ends, so concurrent requests and several servers
/// still form one gapless chain. The caller's transaction must be READ COMMITTED (the default):
/// an older snapshot would read a stale head. This class only ever inserts.
/// </summary>
public sealed class AuditLog(CurrentShell current, CampusKonseling.Data.TenantDbConnection scopeConnection, RequestOrigin origin, TimeProvider clock) : IAuditLog
{
    // Any constant works: every campus has its own database, and advisory locks are per database.
    private const long ChainLock = 0x4155_4449_5443_4B31;

    public async Task RecordAsync(AuditEvent entry, DbTransaction? transaction, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Jenis);
        if (!current.Shell.IsEnabled(Manifest.FeatureId)) return;
        var draft = Draft(entry);
        if (transaction is not null)
        {
            await AppendAsync((NpgsqlTransaction)transaction, draft, ct);
            return;
        }
        // A connection of its own: the entry must not depend on whatever the scope's shared connection is doing.
        // When the scope already holds a slot, the second is taken without waiting (no scope waits while holding one).
        await using var connection = await current.Shell.Connections.OpenConnectionAsync(waitForSlot: !scopeConnection.HoldsSlot, ct);
        await using var own = await connection.BeginTransactionAsync(ct);
        await AppendAsync(own, draft, ct);
        await own.CommitAsync(ct);
    }

    private AuditEntry Draft(AuditEvent e)
    {
        var actor = e.Pelaku ?? origin.Actor();
        return new AuditEntry
        {
            PenggunaId = RequestOrigin.CutOrNull(actor.Id, Limits.Id),
            PenggunaNama = RequestOrigin.Cut(actor.Nama, Limits.Nama),
            PenggunaEmail = RequestOrigin.CutOrNull(actor.Email, Limits.Nama),
            AlamatIp = origin.IpAddress(),
            AgenPengguna = origin.UserAgent(),
            Jenis = RequestOrigin.Cut(e.Jenis, Limits.Jenis),
            SubjekJenis = RequestOrigin.CutOrNull(e.SubjekJenis, Limits.Jenis),
            SubjekId = RequestOrigin.CutOrNull(e.SubjekId, Limits.Id),
            Ringkasan = RequestOrigin.Cut(e.Ringkasan, Limits.Ringkasan),
            HashSebelumnya = "", Hash = "",
        };
    }

    private async Task AppendAsync(NpgsqlTransaction transaction, AuditEntry entry, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already ended.");
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ChainLock})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);

        // A statement of its own, after the lock: READ COMMITTED takes a fresh snapshot per statement.
        (entry.Urutan, entry.HashSebelumnya) = (1, AuditHash.Genesis);
        await using (var head = new NpgsqlCommand($"SELECT urutan, hash FROM {AuditDb.Schema}.{AuditDb.Table} ORDER BY urutan DESC LIMIT 1", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) (entry.Urutan, entry.HashSebelumnya) = (reader.GetInt64(0) + 1, reader.GetString(1));
        }
        entry.Waktu = AuditHash.Storable(clock.GetUtcNow());
        entry.Hash = AuditHash.Of(entry);

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO {AuditDb.Schema}.{AuditDb.Table}
              (urutan, waktu, pengguna_id, pengguna_nama, pengguna_email, alamat_ip, agen_pengguna, jenis, subjek_jenis, subjek_id, ringkasan, hash_sebelumnya, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, connection, transaction)
        {
            Parameters =
            {
                new() { Value = entry.Urutan }, new() { Value = entry.Waktu }, Text(entry.PenggunaId), Text(entry.PenggunaNama),
                Text(entry.PenggunaEmail), Text(entry.AlamatIp), Text(entry.AgenPengguna), Text(entry.Jenis), Text(entry.SubjekJenis),
                Text(entry.SubjekId), Text(entry.Ringkasan), Text(entry.HashSebelumnya), Text(entry.Hash),
            },
        };
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar };
}

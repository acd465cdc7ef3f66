using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CampusKonseling.Sop.Compliance;

/// <summary>
/// The SOP's own Mutu Baku table filled with reality: per step, the standard beside median and 90th
/// percentile of the actual durations, the share completed by the due time the engine set, and what is
/// overdue. Aggregated in PostgreSQL; the step texts come from each SOP's current version.
/// </summary>
public sealed class SopCompliance(SopDb db, ISopStore store, TimeProvider clock) : ISopCompliance
{
    public async Task<IReadOnlyList<StepCompliance>> StepsAsync(ComplianceQuery query, CancellationToken ct = default)
    {
        var figures = (await ReadAsync(ComplianceSql.Figures, query, [], r => (
                Key: (Kode: r.GetString(0), Step: r.GetString(1)),
                Figure: new Figure(r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), Seconds(r, 7), Seconds(r, 8))), ct))
            .ToDictionary(p => p.Key, p => p.Figure);

        var rows = new List<(StepCompliance Row, int Order)>();
        var order = 0;
        foreach (var (kode, judul, sop) in await db.CurrentSopsAsync(store, query.SopKode, ct))
        {
            var seen = new HashSet<string>();
            foreach (var step in sop?.Langkah ?? [])
            {
                seen.Add(step.Id);
                var f = figures.GetValueOrDefault((kode, step.Id)) ?? Figure.None;
                rows.Add((f.Row(kode, judul, step.Id, step.Label, step.Uraian, step.Waktu, step.Output) with
                {
                    Otomatis = step.Otomatis?.ToString().ToLowerInvariant(), Klien = step.Pelaksana.Any(p => sop!.Lane(p)?.Klien == true),
                    Aksi = step.Aksi.Select(a => a.Singkat(sop!)).ToList(),
                }, order++));
            }
            // Steps that only older versions had still have a history worth showing.
            foreach (var ((k, stepId), f) in figures.Where(p => p.Key.Kode == kode && !seen.Contains(p.Key.Step)).OrderBy(p => p.Key.Step))
                rows.Add((f.Row(k, judul, stepId, stepId, stepId, null, null), order++));
        }
        return rows.OrderBy(r => r.Row.PersenDalamBaku ?? double.MaxValue)
            .ThenByDescending(r => r.Row.Terlambat).ThenBy(r => r.Order).Select(r => r.Row).ToList();
    }

    public async Task<IReadOnlyList<ComplianceActivation>> ActivationsAsync(ComplianceQuery query, string sopKode, string stepId, ComplianceSelection pilihan, int limit = 200, CancellationToken ct = default)
    {
        return await ReadAsync(ComplianceSql.Activations, query with { SopKode = sopKode },
            [new("step", stepId), new("pilihan", pilihan.ToString()), new("limit", Math.Clamp(limit, 1, 1000))],
            r => new ComplianceActivation(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2),
                r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
                r.GetBoolean(5)), ct);
    }

    private async Task<List<T>> ReadAsync<T>(string sql, ComplianceQuery query, NpgsqlParameter[] extra, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new("dari", query.Dari.ToUniversalTime()));
        cmd.Parameters.Add(new("sampai", query.Sampai.ToUniversalTime()));
        var now = clock.GetUtcNow();
        cmd.Parameters.Add(new("batas", (query.Sampai < now ? query.Sampai : now).ToUniversalTime()));
        cmd.Parameters.Add(new("kode", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)query.SopKode ?? DBNull.Value });
        cmd.Parameters.AddRange(extra);
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(map(reader));
        return list;
    }

    private static TimeSpan? Seconds(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : TimeSpan.FromSeconds(reader.GetDouble(i));

    private sealed record Figure(int Selesai, int Berbaku, int DalamBaku, int Terlambat, int Terbuka, TimeSpan? Median, TimeSpan? P90)
    {
        public static readonly Figure None = new(0, 0, 0, 0, 0, null, null);

        public StepCompliance Row(string kode, string judul, string stepId, string no, string uraian, string? waktu, string? luaran) =>
            new(kode, judul, stepId, no, uraian, waktu, luaran, Selesai, Berbaku, DalamBaku, Terlambat, Terbuka, Median, P90);
    }
}

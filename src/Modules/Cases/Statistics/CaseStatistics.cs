using System.Data.Common;
using CampusKonseling.Cases.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CampusKonseling.Cases.Statistics;

/// <summary>
/// Report figures as SQL aggregates over kasus.cases: each part is one statement whose period conditions are
/// range scans of the dibuka_pada / ditutup_pada indexes (open cases come from the status index), so a campus
/// with 100,000 cases gets its dashboard in tens of milliseconds. Buckets are campus days, weeks and months.
/// </summary>
public sealed class CaseStatistics(CasesDb db, ISiteSettings site) : ICaseStatistics
{
    private const string Open = "c.status IN ('baru', 'berjalan')";
    private const string Relevant = $"((c.dibuka_pada >= @dari AND c.dibuka_pada < @sampai) OR (c.ditutup_pada >= @dari AND c.ditutup_pada < @sampai) OR {Open})";

    public async Task<StatistikKasus> ComputeAsync(StatistikQuery q, CancellationToken ct = default)
    {
        var zone = (await site.GetAsync(ct)).TimeZone;
        var perPeriode = await PeriodsAsync(q, zone, ct);
        var perDimensi = await DimensionsAsync(q, ct);
        var tunggu = await WaitingAsync(q, ct);
        var konselor = await CounselorsAsync(q, ct);
        var all = perDimensi[Dimensi.Sop];
        return new StatistikKasus(all.Sum(g => g.Dibuka), all.Sum(g => g.Ditutup), all.Sum(g => g.TerbukaKini), all.Sum(g => g.Terlambat),
            perPeriode, perDimensi, tunggu, konselor);
    }

    private async Task<IReadOnlyList<JumlahPeriode>> PeriodsAsync(StatistikQuery q, string zone, CancellationToken ct)
    {
        var unit = q.Rentang switch { Rentang.Hari => "day", Rentang.Minggu => "week", _ => "month" };
        var sql = $"""
            SELECT b, sum(o)::int, sum(t)::int FROM (
              SELECT date_trunc('{unit}', c.dibuka_pada AT TIME ZONE @zone)::date AS b, 1 AS o, 0 AS t FROM kasus.cases c WHERE c.dibuka_pada >= @dari AND c.dibuka_pada < @sampai
              UNION ALL
              SELECT date_trunc('{unit}', c.ditutup_pada AT TIME ZONE @zone)::date, 0, 1 FROM kasus.cases c WHERE c.ditutup_pada >= @dari AND c.ditutup_pada < @sampai) x
            GROUP BY b ORDER BY b
            """;
        var counts = new Dictionary<DateOnly, (int, int)>();
        await ReadAsync(sql, q, r => counts[DateOnly.FromDateTime(r.GetDateTime(0))] = (r.GetInt32(1), r.GetInt32(2)), ct, ("zone", zone));
        // Every bucket of the period is listed, empty ones too, so charts have no gaps.
        var local = CampusKonseling.Site.CampusClock.Zone(zone);
        var first = Bucket(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(q.Dari, local).DateTime), q.Rentang);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(q.Sampai.AddTicks(-1), local).DateTime);
        var list = new List<JumlahPeriode>();
        for (var b = first; b <= last && list.Count < 400; b = Next(b, q.Rentang))
            list.Add(counts.TryGetValue(b, out var n) ? new JumlahPeriode(b, n.Item1, n.Item2) : new JumlahPeriode(b, 0, 0));
        return list;
    }

    public static DateOnly Bucket(DateOnly d, Rentang r) => r switch
    {
        Rentang.Hari => d,
        Rentang.Minggu => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        _ => new DateOnly(d.Year, d.Month, 1),
    };

    private static DateOnly Next(DateOnly d, Rentang r) => r switch { Rentang.Hari => d.AddDays(1), Rentang.Minggu => d.AddDays(7), _ => d.AddMonths(1) };

    private static readonly (Dimensi Dimensi, string Kolom)[] Columns =
        [(Dimensi.Sop, "c.sop_kode"), (Dimensi.Bidang, "c.bidang"), (Dimensi.Saluran, "c.saluran"), (Dimensi.JenisKlien, "c.jenis_klien"), (Dimensi.Prodi, "c.prodi")];

    public static string Column(Dimensi d) => Columns.Single(c => c.Dimensi == d).Kolom;

    private async Task<IReadOnlyDictionary<Dimensi, IReadOnlyList<JumlahKelompok>>> DimensionsAsync(StatistikQuery q, CancellationToken ct)
    {
        var values = string.Join(", ", Columns.Select(c => $"({(int)c.Dimensi}, {c.Kolom})"));
        var sql = $"""
            SELECT d.dim, d.val, max(CASE WHEN d.dim = 0 THEN c.sop_judul END),
              count(*) FILTER (WHERE c.dibuka_pada >= @dari AND c.dibuka_pada < @sampai)::int,
              count(*) FILTER (WHERE c.ditutup_pada >= @dari AND c.ditutup_pada < @sampai)::int,
              count(*) FILTER (WHERE {Open})::int,
              count(*) FILTER (WHERE {Open} AND c.terlambat)::int
            FROM kasus.cases c CROSS JOIN LATERAL (VALUES {values}) AS d(dim, val)
            WHERE {Relevant}
            GROUP BY d.dim, d.val
            """;
        var groups = Columns.ToDictionary(c => c.Dimensi, _ => new List<JumlahKelompok>());
        await ReadAsync(sql, q, r =>
        {
            var key = r.IsDBNull(1) ? null : r.GetString(1);
            var label = (r.IsDBNull(2) ? null : r.GetString(2)) ?? key ?? "";
            groups[(Dimensi)r.GetInt32(0)].Add(new JumlahKelompok(key, label, r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)));
        }, ct);
        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<JumlahKelompok>)g.Value
            .OrderByDescending(x => x.Dibuka).ThenByDescending(x => x.TerbukaKini).ThenBy(x => x.Kunci is null).ThenBy(x => x.Label, StringComparer.Ordinal).ToList());
    }

    private async Task<WaktuTunggu> WaitingAsync(StatistikQuery q, CancellationToken ct)
    {
        const string sql = """
            SELECT count(c.kontak_pertama_pada)::int, (count(*) - count(c.kontak_pertama_pada))::int,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.kontak_pertama_pada - c.dibuka_pada)),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.kontak_pertama_pada - c.dibuka_pada)),
              avg(extract(epoch FROM c.kontak_pertama_pada - c.dibuka_pada))::float8
            FROM kasus.cases c WHERE c.dibuka_pada >= @dari AND c.dibuka_pada < @sampai
            """;
        WaktuTunggu result = new(0, 0, null, null, null);
        await ReadAsync(sql, q, r => result = new WaktuTunggu(r.GetInt32(0), r.GetInt32(1), Seconds(r, 2), Seconds(r, 3), Seconds(r, 4)), ct);
        return result;
    }

    private static TimeSpan? Seconds(DbDataReader r, int i) => r.IsDBNull(i) ? null : TimeSpan.FromSeconds(Math.Round(Convert.ToDouble(r.GetValue(i))));

    private async Task<IReadOnlyList<BebanKonselor>> CounselorsAsync(StatistikQuery q, CancellationToken ct)
    {
        const string sql = $"""
            SELECT c.konselor_id, max(c.konselor_nama),
              count(*) FILTER (WHERE {Open})::int,
              count(*) FILTER (WHERE c.dibuka_pada >= @dari AND c.dibuka_pada < @sampai)::int,
              count(*) FILTER (WHERE c.ditutup_pada >= @dari AND c.ditutup_pada < @sampai)::int,
              count(*) FILTER (WHERE {Open} AND c.terlambat)::int
            FROM kasus.cases c WHERE {Relevant}
            GROUP BY c.konselor_id
            """;
        var list = new List<BebanKonselor>();
        await ReadAsync(sql, q, r => list.Add(new BebanKonselor(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1),
            r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5))), ct);
        return list.OrderBy(k => k.KonselorId is null).ThenByDescending(k => k.TerbukaKini).ThenBy(k => k.Nama, StringComparer.Ordinal).ToList();
    }

    private async Task ReadAsync(string sql, StatistikQuery q, Action<DbDataReader> row, CancellationToken ct, params (string Name, object Value)[] extra)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            cmd.Parameters.AddWithValue("dari", q.Dari.ToUniversalTime());
            cmd.Parameters.AddWithValue("sampai", q.Sampai.ToUniversalTime());
            foreach (var (name, value) in extra) cmd.Parameters.AddWithValue(name, value);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    public Task<HalamanKasus> CasesAsync(FilterKasus filter, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        CaseDrillDown.QueryAsync(db, filter, page, pageSize, ct);

    public async Task<IReadOnlyList<BarisKasus>> OfSopInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        var ids = instanceIds.Select(i => (Guid?)i).ToList();
        return await CaseDrillDown.Project(db.Cases.AsNoTracking().Where(c => ids.Contains(c.SopInstanceId))).ToListAsync(ct);
    }
}

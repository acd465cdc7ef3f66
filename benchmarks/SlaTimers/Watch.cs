using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CampusKonseling.Benchmarks.SlaTimers;

/// <summary>What one look at the nodes and the database saw.</summary>
public sealed record Sample(DateTimeOffset At, long[] RssKb, double[] CpuSeconds, int Connections, int LockWaits, long Triggers, long Firing);

/// <summary>Counters of pg_stat_database, summed over some databases.</summary>
/// <param name="ActiveMs">Time spent running statements (active_time).</param>
/// <param name="Sessions">Sessions opened: a new connection each.</param>
public sealed record DbCounters(long Commits, long Rollbacks, long BlocksRead, long BlocksHit, long Returned, long Fetched, long Inserted, long Updated, long Deleted,
    double ActiveMs, long Sessions)
{
    public static readonly DbCounters Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static DbCounters operator -(DbCounters a, DbCounters b) => new(a.Commits - b.Commits, a.Rollbacks - b.Rollbacks, a.BlocksRead - b.BlocksRead,
        a.BlocksHit - b.BlocksHit, a.Returned - b.Returned, a.Fetched - b.Fetched, a.Inserted - b.Inserted, a.Updated - b.Updated, a.Deleted - b.Deleted,
        a.ActiveMs - b.ActiveMs, a.Sessions - b.Sessions);
}

/// <summary>
/// Watches the run: every node's RSS and CPU time from /proc every 5 s, the PostgreSQL connections to this run's databases
/// every second (the peak in each 5 s, and of sessions waiting for a lock), and the Quartz store's trigger rows
/// (qrtz_triggers, qrtz_fired_triggers).
/// </summary>
public sealed class Watch(Func<Process?[]> nodes)
{
    public List<Sample> Samples { get; } = [];
    public int PeakConnections { get; private set; }
    /// <summary>Most sessions at once per database ("host" or "campuses") and application_name.</summary>
    public Dictionary<string, int> PeakByApplication { get; } = [];
    /// <summary>Most sessions at once waiting for a lock (wait_event_type Lock), in the host database and in the campus databases.</summary>
    public (int Host, int Campuses) PeakLockWaits { get; private set; }
    /// <summary>What the sessions waiting for a lock were running (the statement's start, wait event, database): most at once of each.</summary>
    public Dictionary<string, int> LockWaiters { get; } = [];

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Setup.OwnHostConnection) { Pooling = false, ApplicationName = Setup.ApplicationName + "-watch" }.ConnectionString);
        await db.OpenAsync(ct);
        int peak = 0, peakLocks = 0;
        for (var tick = 0; !ct.IsCancellationRequested; tick++)
        {
            try
            {
                await using (var cmd = new NpgsqlCommand("""
                    SELECT datname = $1, coalesce(nullif(application_name, ''), '(none)'), count(*)::int, count(*) FILTER (WHERE wait_event_type = 'Lock')::int
                    FROM pg_stat_activity WHERE datname = $1 OR datname LIKE $2 GROUP BY 1, 2
                    """, db) { Parameters = { new() { Value = Setup.HostDb }, new() { Value = Setup.PrefixLike } } })
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    int total = 0, hostLocks = 0, campusLocks = 0;
                    while (await reader.ReadAsync(ct))
                    {
                        var (host, app, n, locks) = (reader.GetBoolean(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
                        total += n;
                        if (host) hostLocks += locks;
                        else campusLocks += locks;
                        var key = $"{(host ? "host" : "campuses")}: {app}";
                        PeakByApplication[key] = Math.Max(PeakByApplication.GetValueOrDefault(key), n);
                    }
                    peak = Math.Max(peak, total);
                    peakLocks = Math.Max(peakLocks, hostLocks + campusLocks);
                    PeakConnections = Math.Max(PeakConnections, total);
                    PeakLockWaits = (Math.Max(PeakLockWaits.Host, hostLocks), Math.Max(PeakLockWaits.Campuses, campusLocks));
                }
                if (peakLocks > 0)
                {
                    await using var cmd = new NpgsqlCommand("""
                        SELECT CASE WHEN datname = $1 THEN 'host' ELSE 'campus' END || ', ' || wait_event || ': ' || left(regexp_replace(query, '\s+', ' ', 'g'), 70), count(*)::int
                        FROM pg_stat_activity WHERE (datname = $1 OR datname LIKE $2) AND wait_event_type = 'Lock' GROUP BY 1
                        """, db) { Parameters = { new() { Value = Setup.HostDb }, new() { Value = Setup.PrefixLike } } };
                    await using var reader = await cmd.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) LockWaiters[reader.GetString(0)] = Math.Max(LockWaiters.GetValueOrDefault(reader.GetString(0)), reader.GetInt32(1));
                }
                if (tick % 5 == 0)
                {
                    long triggers, firing;
                    await using (var cmd = new NpgsqlCommand("SELECT (SELECT count(*) FROM qrtz_triggers), (SELECT count(*) FROM qrtz_fired_triggers)", db))
                    await using (var reader = await cmd.ExecuteReaderAsync(ct))
                    {
                        await reader.ReadAsync(ct);
                        (triggers, firing) = (reader.GetInt64(0), reader.GetInt64(1));
                    }
                    var processes = nodes();
                    Samples.Add(new Sample(DateTimeOffset.UtcNow, processes.Select(Rss).ToArray(), processes.Select(Cpu).ToArray(), peak, peakLocks, triggers, firing));
                    peak = peakLocks = 0;
                }
                await Task.Delay(1000, ct);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Resident set size in kB, 0 when the process is gone.</summary>
    public static long Rss(Process? process)
    {
        try
        {
            if (process is null || process.HasExited) return 0;
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return 0; }
    }

    /// <summary>User + system CPU seconds the process has used (/proc/PID/stat, clock ticks of 1/100 s).</summary>
    public static double Cpu(Process? process)
    {
        try
        {
            if (process is null || process.HasExited) return 0;
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return 0; }
    }

    /// <summary>The machine's busy and total CPU time (/proc/stat), to tell how saturated it was.</summary>
    public static (long Busy, long Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>pg_stat_database of the host database, and of the campus databases summed.</summary>
    public static async Task<(DbCounters Host, DbCounters Campuses)> DbCountersAsync()
    {
        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(BenchHost.Server) { Pooling = false }.ConnectionString);
        await db.OpenAsync();
        // Counters are flushed by each backend at most once a second: a short pause lets the last ones in.
        await Task.Delay(1500);
        await using var cmd = new NpgsqlCommand("""
            SELECT datname = $1, sum(xact_commit)::bigint, sum(xact_rollback)::bigint, sum(blks_read)::bigint, sum(blks_hit)::bigint, sum(tup_returned)::bigint,
                   sum(tup_fetched)::bigint, sum(tup_inserted)::bigint, sum(tup_updated)::bigint, sum(tup_deleted)::bigint, sum(active_time)::float8, sum(sessions)::bigint
            FROM pg_stat_database WHERE datname = $1 OR (datname LIKE $2 AND datname <> $3) GROUP BY 1
            """, db) { Parameters = { new() { Value = Setup.HostDb }, new() { Value = Setup.PrefixLike }, new() { Value = Setup.Prefix + Setup.Template } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        DbCounters host = DbCounters.Zero, campuses = host;
        while (await reader.ReadAsync())
        {
            var c = new DbCounters(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                reader.GetDouble(10), reader.GetInt64(11));
            if (reader.GetBoolean(0)) host = c;
            else campuses = c;
        }
        return (host, campuses);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace CampusKonseling.Benchmarks.SlaTimers;

/// <summary>The tables besides the checks: the Quartz store's own view, the run over time, and the database load.</summary>
public static partial class Report
{
    /// <summary>
    /// What the clustered job store holds after the window: no job left of a deadline that fired, every far-future job still
    /// there (none lost), no postponed retry; and, where Quartz keeps them, its misfire and execution history.
    /// </summary>
    public static async Task QuartzStoreAsync(Checks checks, List<Deadline> due, List<Deadline> far, DateTimeOffset from)
    {
        await using var db = new NpgsqlConnection(Setup.OwnHostConnection);
        await db.OpenAsync();
        var jobs = (await Checks.QueryAsync(db, null, "SELECT job_name FROM qrtz_job_details WHERE job_group = 'sla'", r => r.GetString(0))).ToHashSet();
        var triggers = (await Checks.QueryAsync(db, null, "SELECT trigger_name, trigger_state FROM qrtz_triggers WHERE trigger_group = 'sla'", r => (Name: r.GetString(0), State: r.GetString(1)))).ToList();
        bool Has(Deadline d, string kind) => jobs.Contains($"{d.Activation:N}-{kind}");
        var left = due.Sum(d => Seed.Kinds.Count(k => Has(d, k)));
        checks.Add("Quartz jobs left of deadlines due in the window (qrtz_job_details, group sla)", "0", $"{left} of {due.Count * 2}", left == 0);
        var kept = far.Sum(d => Seed.Kinds.Count(k => Has(d, k)));
        checks.Add("Quartz jobs of far-future deadlines still stored (none lost)", $"{far.Count * 2}", $"{kept}", kept == far.Count * 2);
        var postponed = triggers.Count(t => t.Name.Contains("-tunda-", StringComparison.Ordinal));
        checks.Info("SLA triggers by state after the window; postponed retries (\"-tunda-\", a failed or early run tried again)",
            $"{string.Join(", ", triggers.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; {postponed} postponed");
        var fromTicks = from.UtcTicks;
        var misfires = await ScalarAsync(db, $"SELECT count(*) FROM qrtz_misfire_history WHERE trigger_group = 'sla' AND misfire_time >= {fromTicks}");
        var history = await Checks.QueryAsync(db, null, $"""
            SELECT instance_name, count(*), count(*) FILTER (WHERE NOT succeeded) FROM qrtz_execution_history
            WHERE job_group = 'sla' AND fired_time >= {fromTicks} GROUP BY 1 ORDER BY 1
            """, r => (Instance: r.GetString(0), Runs: r.GetInt64(1), Failed: r.GetInt64(2)));
        checks.Info("Quartz's own record since the window opened: misfires (qrtz_misfire_history); runs per scheduler instance, failed (qrtz_execution_history)",
            $"{misfires?.ToString(CultureInfo.InvariantCulture) ?? "table absent"} misfires; "
            + (history.Count == 0 ? "no execution history kept" : string.Join("; ", history.Select(h => $"{h.Instance}: {h.Runs} runs, {h.Failed} failed"))));
    }

    private static async Task<long?> ScalarAsync(NpgsqlConnection db, string sql)
    {
        try { return Convert.ToInt64(await new NpgsqlCommand(sql, db).ExecuteScalarAsync(), CultureInfo.InvariantCulture); }
        catch (PostgresException e) when (e.SqlState == "42P01") { return null; }
    }

    /// <summary>
    /// The run over time, a row per <paramref name="step"/> from <paramref name="from"/>, timed from the window's start: each node's
    /// RSS at the end of the row and CPU used in it, the most PostgreSQL connections and lock waits seen, the store's trigger rows,
    /// and the timers due in it, those fired in it and the latest of these.
    /// </summary>
    public static void Timeline(List<Sample> samples, List<(string Kind, DateTimeOffset Due, DateTimeOffset At)> fired, List<DateTimeOffset> dueTimes, DateTimeOffset origin, DateTimeOffset from, DateTimeOffset end, TimeSpan step, int nodes)
    {
        var names = Enumerable.Range(1, nodes).Select(i => $"node{i}").ToList();
        Console.WriteLine($"| from window start | RSS MB {string.Join(" / ", names)} | CPU % {string.Join(" / ", names)} | PG connections (peak) | waiting for a lock | qrtz_triggers | qrtz_fired_triggers | timers due | timers fired | lateness max s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var previous = samples.LastOrDefault(s => s.At <= from) ?? samples.FirstOrDefault();
        for (var t = from; t < end; t += step)
        {
            var rows = samples.Where(s => s.At > t && s.At <= t + step).ToList();
            if (rows.Count == 0 || previous is null) continue;
            var last = rows[^1];
            var seconds = (last.At - previous.At).TotalSeconds;
            var cpu = Enumerable.Range(0, nodes).Select(i => seconds <= 0 ? "-" : $"{100 * (last.CpuSeconds[i] - previous.CpuSeconds[i]) / seconds:F0}");
            var inRow = fired.Where(f => f.At > t && f.At <= t + step).ToList();
            var dueInRow = dueTimes.Count(d => d > t && d <= t + step);
            var lateMax = inRow.Count == 0 ? "-" : inRow.Max(f => (f.At - f.Due).TotalSeconds).ToString("F1", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {(t - origin).TotalSeconds:F0} to {(t + step - origin).TotalSeconds:F0} s | {string.Join(" / ", last.RssKb.Select(k => $"{k / 1024.0:F0}"))} | {string.Join(" / ", cpu)} | "
                + $"{rows.Max(r => r.Connections)} | {rows.Max(r => r.LockWaits)} | {last.Triggers} | {rows.Max(r => r.Firing)} | {dueInRow} | {inRow.Count} | {lateMax} |");
            previous = last;
        }
    }

    public static void DbLoad(DbCounters host, DbCounters campuses, int fired, double seconds)
    {
        Console.WriteLine("| database | commits | per fired timer | statements running, s (active_time) | per fired timer, ms | sessions opened | rollbacks | blocks read / hit | rows returned / fetched | inserted / updated / deleted |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        string Per(double value, double scale = 1) => fired == 0 ? "-" : (value * scale / fired).ToString("F1", CultureInfo.InvariantCulture);
        foreach (var (name, c) in new[] { ("host (Quartz store)", host), ("campuses, summed", campuses) })
            Console.WriteLine($"| {name} | {c.Commits:N0} ({c.Commits / Math.Max(1, seconds):F1}/s) | {Per(c.Commits)} | {c.ActiveMs / 1000:F1} | {Per(c.ActiveMs)} | {c.Sessions:N0} | {c.Rollbacks:N0} | "
                + $"{c.BlocksRead:N0} / {c.BlocksHit:N0} | {c.Returned:N0} / {c.Fetched:N0} | {c.Inserted:N0} / {c.Updated:N0} / {c.Deleted:N0} |");
    }

    /// <summary>Sums of a few of a node's own metrics (/metrics, Prometheus text), or "-" when it does not answer.</summary>
    public static async Task<string> NodeMetricsAsync(int port)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            string Sum(string name)
            {
                var values = Regex.Matches(text, $@"^{name}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
                    .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                return values.Count == 0 ? "-" : $"{values.Sum():0}";
            }
            return $"overdue counted {Sum("campuskonseling_sop_steps_overdue_total")}, connection waits {Sum("campuskonseling_db_connection_waits_total")}, "
                + $"shells live {Sum("campuskonseling_shells_live")}, mails sent {Sum("campuskonseling_outbox_sent_total")}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return "-"; }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace CampusKonseling.Benchmarks.SlaTimers;

/// <summary>What a campus database holds of the timers' work: their events, the activations' flags, in-app notices and queued e-mails.</summary>
public sealed record CampusData(
    List<(Guid Activation, string Jenis, DateTimeOffset At)> Events, Dictionary<Guid, (bool Reminded, bool Overdue)> Flags,
    List<(string User, string Jenis, Guid? Instance)> Notices, List<(string To, string Kind, Guid? Instance)> Mails);

/// <summary>
/// The checks: every deadline due in the window reminded and escalated exactly once (sop.events per activation), within
/// <see cref="Limit"/> of its due time; none of the far-future ones fired; the activations' flags agree with their events; one
/// in-app notice and one queued e-mail per recipient per fired timer. <see cref="SelfTestAsync"/> shows each check can fail.
/// </summary>
public sealed partial class Checks(List<Deadline> due, List<Deadline> far, List<(string Role, string Id, string Email)> roleUsers)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly List<(string Check, string Expected, string Result, bool? Ok)> _rows = [];
    private readonly List<string> _evidence = [];
    private readonly List<string> _timing = [];

    /// <summary>Each in-window timer that fired: its kind, due time and when it fired (the first event when it fired more than once).</summary>
    public List<(string Kind, DateTimeOffset Due, DateTimeOffset At)> Fired { get; } = [];

    public bool Passed => _rows.All(r => r.Ok != false);

    public static async Task<CampusData> CollectAsync(NpgsqlConnection db, NpgsqlTransaction? tx = null)
    {
        var events = await QueryAsync(db, tx, "SELECT activation_id, jenis, pada FROM sop.events WHERE jenis IN ('Diingatkan', 'Terlambat') AND activation_id IS NOT NULL",
            r => (r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        var flags = (await QueryAsync(db, tx, "SELECT activation_id, diingatkan, terlambat FROM sop.active_steps", r => (Id: r.GetGuid(0), R: r.GetBoolean(1), O: r.GetBoolean(2))))
            .ToDictionary(f => f.Id, f => (f.R, f.O));
        var notices = await QueryAsync(db, tx, "SELECT user_id, jenis, coalesce(tautan, '') FROM notifications.notifications WHERE jenis IN ('sop-pengingat', 'sop-terlambat')",
            r => (r.GetString(0), r.GetString(1), InstanceIn(r.GetString(2))));
        var mails = await QueryAsync(db, tx, "SELECT lower(penerima), judul, isi, sop_instance_id FROM notifications.outbox WHERE saluran = 'email'",
            r => (r.GetString(0), r.GetString(1).Contains("Pengingat:", StringComparison.Ordinal) ? "sop-pengingat" : r.GetString(1).Contains("Terlambat:", StringComparison.Ordinal) ? "sop-terlambat" : "",
                r.IsDBNull(3) ? InstanceIn(r.GetString(2)) : r.GetGuid(3)));
        return new CampusData(events, flags, notices, mails);
    }

    private static Guid? InstanceIn(string text) => InstanceLink().Match(text) is { Success: true } m ? Guid.Parse(m.Groups[1].Value) : null;

    [GeneratedRegex("admin/sop/instans/([0-9a-f-]{36})")]
    private static partial Regex InstanceLink();

    public void Evaluate(IReadOnlyDictionary<string, CampusData> data)
    {
        var events = data.Values.SelectMany(d => d.Events).ToLookup(e => (e.Activation, e.Jenis), e => e.At);
        var flags = data.Values.SelectMany(d => d.Flags).ToDictionary(f => f.Key, f => f.Value);
        var staff = roleUsers.Where(u => u.Role == Setup.StaffRole).ToList();
        var escalated = roleUsers.Where(u => u.Role is Setup.StaffRole or Setup.EscalationRole).ToList();
        var expectedNotices = new Dictionary<(Guid, string, string), int>();
        var expectedMails = new Dictionary<(Guid, string, string), int>();
        foreach (var (jenis, notice, name) in new[] { ("Diingatkan", "sop-pengingat", "reminder"), ("Terlambat", "sop-terlambat", "escalation") })
        {
            int once = 0, never = 0, twice = 0, late = 0, early = 0;
            var delays = new List<double>();
            foreach (var d in due)
            {
                var at = jenis == "Diingatkan" ? d.Remind : d.Due;
                var fired = events[(d.Activation, jenis)].Order().ToList();
                if (fired.Count == 0)
                {
                    if (never++ < 10) _evidence.Add($"{name} of activation {d.Activation} ({d.Tenant}) due {at:HH:mm:ss.fff} never fired");
                    continue;
                }
                if (fired.Count == 1) once++;
                else if (twice++ < 10) _evidence.Add($"{name} of activation {d.Activation} ({d.Tenant}) recorded {fired.Count} times: {string.Join(", ", fired.Select(f => f.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
                var delay = (fired[0] - at).TotalSeconds;
                delays.Add(delay);
                Fired.Add((name, at, fired[0]));
                if (delay > Limit.TotalSeconds && late++ < 10) _evidence.Add($"{name} of activation {d.Activation} ({d.Tenant}) due {at:HH:mm:ss.fff} fired {delay:F1} s late");
                if (delay < 0 && early++ < 10) _evidence.Add($"{name} of activation {d.Activation} ({d.Tenant}) due {at:HH:mm:ss.fff} fired {-delay:F3} s early");
                foreach (var u in jenis == "Diingatkan" ? staff : escalated)
                {
                    var key = (d.Instance, notice, u.Id);
                    expectedNotices[key] = expectedNotices.GetValueOrDefault(key) + 1;
                    if (u.Email.Length > 0) expectedMails[(d.Instance, notice, u.Email)] = expectedMails.GetValueOrDefault((d.Instance, notice, u.Email)) + 1;
                }
            }
            _rows.Add(($"{name}s due in the window fired exactly once (sop.events {jenis})", $"{due.Count}", $"{once} once, {never} never, {twice} more than once", never == 0 && twice == 0));
            _rows.Add(($"{name}s fired within {Limit.TotalSeconds:F0} s of their due time", $"{delays.Count}", $"{late} later, {early} before it", late == 0 && early == 0));
            delays.Sort();
            _timing.Add($"| {name} | {delays.Count} | {P(delays, .5)} | {P(delays, .95)} | {P(delays, .99)} | {P(delays, 1)} | {late} | {early} |");
        }
        var farFired = far.Count(d => events.Contains((d.Activation, "Diingatkan")) || events.Contains((d.Activation, "Terlambat")));
        foreach (var d in far.Where(d => events.Contains((d.Activation, "Diingatkan")) || events.Contains((d.Activation, "Terlambat"))).Take(10))
            _evidence.Add($"far-future activation {d.Activation} ({d.Tenant}, reminder {d.Remind:yyyy-MM-dd HH:mm}) fired");
        _rows.Add(("far-future deadlines that fired (reminders 10–20 days on)", "0", $"{farFired} of {far.Count}", farFired == 0));
        var disagree = due.Concat(far).Count(d => !flags.TryGetValue(d.Activation, out var f)
            || f.Reminded != events.Contains((d.Activation, "Diingatkan")) || f.Overdue != events.Contains((d.Activation, "Terlambat")));
        _rows.Add(("activation flags agree with its events (sop.active_steps diingatkan/terlambat)", "0", $"{disagree} disagree or missing", disagree == 0));
        Compare("in-app notices: one per recipient per fired timer (notifications.notifications)", expectedNotices,
            data.Values.SelectMany(d => d.Notices).Select(n => (n.Instance, n.Jenis, n.User)).ToList());
        Compare("e-mails queued: one per recipient per fired timer (notifications.outbox)", expectedMails,
            data.Values.SelectMany(d => d.Mails).Where(m => m.Kind.Length > 0).Select(m => (m.Instance, m.Kind, m.To)).ToList());
    }

    private void Compare(string check, Dictionary<(Guid, string, string), int> expected, List<(Guid? Instance, string Kind, string User)> found)
    {
        var actual = new Dictionary<(Guid, string, string), int>();
        var unattributed = 0;
        foreach (var f in found)
            if (f.Instance is { } i) actual[(i, f.Kind, f.User)] = actual.GetValueOrDefault((i, f.Kind, f.User)) + 1;
            else unattributed++;
        var (result, ok) = Tally.Line(Tally.Compare(expected, actual, _evidence, (key, e, a) => $"{check}: instance {key.Item1}, {key.Item2}, {key.Item3}: expected {e}, found {a}"), unattributed);
        _rows.Add((check, $"{expected.Values.Sum()}", result, ok));
    }

    /// <summary>
    /// Each fault is made alone in one campus, in a transaction rolled back afterwards; the campus is read again inside it and
    /// the check meant to catch the fault must fail where it passed on the real data.
    /// </summary>
    public async Task<List<(string Fault, string Outcome)>> SelfTestAsync(IReadOnlyDictionary<string, CampusData> data)
    {
        var campus = due.Select(d => d.Tenant).FirstOrDefault() ?? "";
        var farOne = far.FirstOrDefault(d => d.Tenant == campus);
        var faults = new List<(string Fault, string Check, string? Sql)>
        {
            ("a reminder recorded twice", "reminders due in the window fired exactly once", Duplicate("jenis = 'Diingatkan'")),
            ("an escalation lost", "escalations due in the window fired exactly once", "DELETE FROM sop.events WHERE id = (SELECT min(id) FROM sop.events WHERE jenis = 'Terlambat')"),
            ("a reminder fired 11 s later", "reminders fired within", "UPDATE sop.events SET pada = pada + interval '11 seconds' WHERE id = (SELECT min(id) FROM sop.events WHERE jenis = 'Diingatkan')"),
            ("a far-future deadline escalated", "far-future deadlines that fired", farOne is null ? null : $"""
                INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, masukan, keluaran, jatuh_tempo)
                SELECT instance_id, 3, 'Terlambat', step_id, activation_id, now(), '{"{}"}'::jsonb, '{"{}"}'::jsonb, jatuh_tempo FROM sop.active_steps WHERE activation_id = '{farOne.Activation}'
                """),
            ("an activation's flag not set", "activation flags agree", "UPDATE sop.active_steps SET diingatkan = false WHERE activation_id = (SELECT activation_id FROM sop.events WHERE jenis = 'Diingatkan' ORDER BY id LIMIT 1)"),
            ("an escalation notice written twice", "in-app notices", """
                INSERT INTO notifications.notifications (user_id, jenis, judul, isi, tautan, dibuat_pada, judul_kunci, isi_kunci)
                SELECT user_id, jenis, judul, isi, tautan, dibuat_pada, judul_kunci, isi_kunci FROM notifications.notifications WHERE id = (SELECT min(id) FROM notifications.notifications WHERE jenis = 'sop-terlambat')
                """),
            ("a reminder e-mail lost", "e-mails queued", "DELETE FROM notifications.outbox WHERE id = (SELECT min(id) FROM notifications.outbox WHERE saluran = 'email' AND judul LIKE '%Pengingat:%')"),
        };
        var outcomes = new List<(string, string)>();
        await using var db = new NpgsqlConnection(Setup.CampusConnection(campus));
        await db.OpenAsync();
        foreach (var (fault, check, sql) in faults)
        {
            if (Verdict(check) != true) { outcomes.Add((fault, "not tried: the check did not pass on the real data")); continue; }
            await using var tx = await db.BeginTransactionAsync();
            if (sql is null || await new NpgsqlCommand(sql, db, tx).ExecuteNonQueryAsync() == 0) { outcomes.Add((fault, "not tried: nothing to make it from")); continue; }
            var changed = data.ToDictionary(d => d.Key, d => d.Value);
            changed[campus] = await CollectAsync(db, tx);
            await tx.RollbackAsync();
            var probe = new Checks(due, far, roleUsers);
            probe.Evaluate(changed);
            outcomes.Add((fault, probe.Verdict(check) == false ? "caught" : "NOT CAUGHT"));
        }
        return outcomes;
    }

    private bool? Verdict(string check) => _rows.FirstOrDefault(r => r.Check.StartsWith(check, StringComparison.Ordinal)).Ok;

    /// <summary>A copy of the first event matching <paramref name="where"/>, a second later, as its instance's next event.</summary>
    private static string Duplicate(string where) => $"""
        INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, oleh_id, oleh_nama, pilihan, masukan, keluaran, catatan, jatuh_tempo)
        SELECT instance_id, (SELECT max(seq) + 1 FROM sop.events x WHERE x.instance_id = e.instance_id), jenis, step_id, activation_id, pada + interval '1 second',
               oleh_id, oleh_nama, pilihan, masukan, keluaran, catatan, jatuh_tempo
        FROM sop.events e WHERE e.id = (SELECT min(id) FROM sop.events WHERE {where})
        """;

    public void Print()
    {
        Console.WriteLine("| check | expected | result | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in _rows) Console.WriteLine($"| {r.Check} | {r.Expected} | {r.Result} | {(r.Ok switch { true => "ok", false => "**FAIL**", null => "info" })} |");
        Console.WriteLine();
        Console.WriteLine($"| timer | fired | lateness p50 s | p95 s | p99 s | max s | later than {Limit.TotalSeconds:F0} s | before due |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in _timing) Console.WriteLine(t);
        if (_evidence.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("Evidence:");
        foreach (var e in _evidence.Take(60)) Console.WriteLine($"- {e}");
    }

    public void Info(string check, string result) => _rows.Add((check, "-", result, null));

    public void Add(string check, string expected, string result, bool ok) => _rows.Add((check, expected, result, ok));

    private static string P(List<double> sorted, double q) => sorted.Count == 0 ? "-" : BenchHost.Percentile(sorted, q).ToString("F2", CultureInfo.InvariantCulture);

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection db, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = new NpgsqlCommand(sql, db, tx) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(map(reader));
        return list;
    }
}

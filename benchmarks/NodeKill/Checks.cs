using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace CampusKonseling.Benchmarks.NodeKill;

/// <summary>A mail as maildev received it.</summary>
public sealed record Mail(string To, string Subject, string Text, string Time);

/// <summary>
/// What the run left, checked against what should be there: the campus database (submissions, SOP activations and their events,
/// in-app notices, the outbox), the mails maildev received, and the load's own record of what it was told.
/// </summary>
/// <param name="timersUntil">Reminders and escalations due up to this instant must have fired (the run's end plus the step's time).</param>
/// <param name="reminderPercent">The SOP's pengingatPersen: a reminder is due at that share of the step's time.</param>
/// <param name="host">The host database, where the clustered Quartz store keeps the SLA timers not fired yet.</param>
public sealed class Checks(string campus, string host, Load load, DateTimeOffset timersUntil, int reminderPercent, string staffRole, string escalationRole)
{
    /// <summary>A timer not fired by then while its step was still open is lost; a step done within it may have beaten a timer fired a little late.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
    private readonly List<(string Check, string Expected, string Result, bool? Ok)> _rows = [];
    private readonly List<string> _evidence = [];
    private readonly List<string> _timing = [];

    /// <summary>No "exactly once" check failed.</summary>
    public bool Passed => _rows.All(r => r.Ok != false);

    public static async Task<List<Mail>> MailsAsync(HttpClient maildev)
    {
        using var document = JsonDocument.Parse(await maildev.GetStringAsync("email"));
        return document.RootElement.EnumerateArray().Select(m => new Mail(
            m.TryGetProperty("to", out var to) && to.GetArrayLength() > 0 ? to[0].GetProperty("address").GetString()!.ToLowerInvariant() : "",
            m.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "",
            m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
            m.TryGetProperty("time", out var time) ? time.ToString() : "")).ToList();
    }

    public static bool IsAcknowledgment(Mail m) => m.Subject.StartsWith("Permohonan diterima", StringComparison.Ordinal);

    public async Task RunAsync(List<Mail> mails)
    {
        await using var db = new NpgsqlConnection(campus);
        await db.OpenAsync();
        await RunAsync(db, mails);
    }

    private async Task RunAsync(NpgsqlConnection db, List<Mail> mails)
    {
        await SubmissionsAsync(db, mails);
        await TimersAsync(db, mails);
        await CompletionsAsync(db);
    }

    /// <summary>Whether the check whose name starts so failed.</summary>
    private bool? Verdict(string check) => _rows.FirstOrDefault(r => r.Check.StartsWith(check, StringComparison.Ordinal)).Ok;

    /// <summary>
    /// Shows that the checks can fail: each fault a dying node could cause is made, one at a time, in a transaction that is rolled
    /// back (or in a copy of the mail list), and the check meant to catch it must then fail where it passed on the real data.
    /// Returns each fault with "caught", "NOT CAUGHT", or why it could not be tried.
    /// </summary>
    public async Task<List<(string Fault, string Outcome)>> SelfTestAsync(List<Mail> mails)
    {
        List<SubmissionRecord> sent;
        lock (load.Submissions) sent = [.. load.Submissions.Where(s => s.Acknowledged)];
        var ackMails = mails.Where(IsAcknowledgment).ToList();
        var answered = load.Completions.Where(c => c.Status == 302).ToList();
        var faults = new List<(string Fault, string Check, string? Sql, Func<List<Mail>, List<Mail>>? Mails)>
        {
            ("an acknowledged submission lost", "acknowledged submissions stored exactly once",
                sent.Count == 0 ? null : $"DELETE FROM forms.submissions WHERE lower(email) = '{sent[0].Email}'", null),
            ("an acknowledgment mail delivered twice", "acknowledgment mail sent exactly once per stored submission", null,
                ackMails.Count == 0 ? null : m => [.. m, ackMails[^1]]),
            ("a reminder recorded twice", "reminders due in the window fired exactly once", Duplicate("jenis = 'Diingatkan'"), null),
            ("an escalation lost while its step stayed open", "escalations due in the window fired exactly once",
                "DELETE FROM sop.events WHERE id = (SELECT e.id FROM sop.events e JOIN sop.activations a ON a.activation_id = e.activation_id WHERE e.jenis = 'Terlambat' AND a.berakhir_pada IS NULL ORDER BY e.id LIMIT 1)", null),
            ("a reminder mail lost", "reminder mails", null,
                mails.Any(m => m.Subject.Contains("Pengingat:", StringComparison.Ordinal)) ? m => { var copy = m.ToList(); copy.Remove(copy.First(x => x.Subject.Contains("Pengingat:", StringComparison.Ordinal))); return copy; } : null),
            ("an escalation notice written twice", "escalation in-app notices",
                "INSERT INTO notifications.notifications (user_id, jenis, judul, isi, tautan, dibuat_pada, judul_kunci, isi_kunci) SELECT user_id, jenis, judul, isi, tautan, dibuat_pada, judul_kunci, isi_kunci FROM notifications.notifications WHERE id = (SELECT id FROM notifications.notifications WHERE jenis = 'sop-terlambat' ORDER BY id LIMIT 1)", null),
            ("a step completed twice", "no step completed twice", Duplicate("jenis = 'Diselesaikan' AND oleh_id <> 'system'"), null),
            ("an acknowledged step completion lost", "acknowledged step completions stored",
                answered.Count == 0 ? null : $"DELETE FROM sop.events WHERE jenis = 'Diselesaikan' AND step_id = '{answered[0].Step}' AND instance_id = (SELECT sop_instance_id FROM kasus.cases WHERE id = '{answered[0].CaseId}')", null),
        };
        var outcomes = new List<(string Fault, string Outcome)>();
        await using var db = new NpgsqlConnection(campus);
        await db.OpenAsync();
        foreach (var (fault, check, sql, change) in faults)
        {
            if (Verdict(check) != true)
            {
                outcomes.Add((fault, "not tried: the check did not pass on the real data"));
                continue;
            }
            if (sql is null && change is null)
            {
                outcomes.Add((fault, "not tried: nothing in this run to make it from"));
                continue;
            }
            await using var tx = await db.BeginTransactionAsync();
            if (sql is not null && await new NpgsqlCommand(sql, db, tx).ExecuteNonQueryAsync() == 0)
            {
                outcomes.Add((fault, "not tried: nothing in this run to make it from"));
                continue;
            }
            var probe = new Checks(campus, host, load, timersUntil, reminderPercent, staffRole, escalationRole);
            await probe.RunAsync(db, change is null ? mails : change(mails));
            await tx.RollbackAsync();
            outcomes.Add((fault, probe.Verdict(check) == false ? "caught" : "NOT CAUGHT"));
        }
        return outcomes;
    }

    /// <summary>Inserts a copy of the first event matching <paramref name="where"/>, one second later, as the instance's next event.</summary>
    private static string Duplicate(string where) => $"""
        INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, oleh_id, oleh_nama, pilihan, masukan, keluaran, catatan, jatuh_tempo)
        SELECT instance_id, (SELECT max(seq) + 1 FROM sop.events x WHERE x.instance_id = e.instance_id), jenis, step_id, activation_id, pada + interval '1 second',
               oleh_id, oleh_nama, pilihan, masukan, keluaran, catatan, jatuh_tempo
        FROM sop.events e WHERE e.id = (SELECT id FROM sop.events WHERE {where} ORDER BY id LIMIT 1)
        """;

    private async Task SubmissionsAsync(NpgsqlConnection db, List<Mail> mails)
    {
        var stored = await QueryAsync(db, "SELECT lower(email), count(*), bool_and(sop_instance_id IS NOT NULL) FROM forms.submissions GROUP BY lower(email)",
            r => (Email: r.GetString(0), Count: r.GetInt64(1), Started: r.GetBoolean(2)));
        var count = stored.ToDictionary(s => s.Email, s => s.Count);
        List<SubmissionRecord> sent;
        lock (load.Submissions) sent = [.. load.Submissions];
        var acked = sent.Where(s => s.Acknowledged).ToList();
        var unacked = sent.Where(s => !s.Acknowledged).ToList();
        long Stored(SubmissionRecord s) => count.GetValueOrDefault(s.Email);
        var ackedMissing = acked.Where(s => Stored(s) == 0).ToList();
        var ackedTwice = acked.Where(s => Stored(s) > 1).ToList();
        _rows.Add(("acknowledged submissions stored exactly once (by their unique e-mail)", $"{acked.Count}",
            $"{acked.Count - ackedMissing.Count - ackedTwice.Count} once, {ackedMissing.Count} missing, {ackedTwice.Count} more than once", ackedMissing.Count == 0 && ackedTwice.Count == 0));
        foreach (var s in ackedMissing.Take(10)) _evidence.Add($"acknowledged but not stored: {s.Email} (code {s.Kode}, posted at {s.At.TotalSeconds:F1} s)");
        var twice = stored.Where(s => s.Count > 1).ToList();
        _rows.Add(("no submission stored twice (acknowledged or not)", "0", $"{twice.Count}", twice.Count == 0));
        foreach (var s in twice.Take(10)) _evidence.Add($"stored {s.Count} times: {s.Email}");
        var unackedStored = unacked.Where(s => Stored(s) > 0).ToList();
        _rows.Add(("unacknowledged submissions (error or no answer) stored anyway", "-",
            $"{unackedStored.Count} of {unacked.Count} ({string.Join(", ", unacked.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key)}: {g.Count()}"))})", null));
        var withoutSop = stored.Count(s => !s.Started);
        _rows.Add(("every stored submission started its SOP instance", $"{stored.Count}", $"{withoutSop} without", withoutSop == 0));

        // Acknowledgment mails: one per stored submission, none for a request that was not stored.
        var ackMails = mails.Where(IsAcknowledgment).GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.ToList());
        var ours = stored.Where(s => s.Email.EndsWith("@nodekill.test", StringComparison.Ordinal)).ToList();
        int Mails(string email) => ackMails.GetValueOrDefault(email)?.Count ?? 0;
        var lost = ours.Where(s => Mails(s.Email) == 0).ToList();
        var dup = ours.Where(s => Mails(s.Email) > 1).ToList();
        _rows.Add(("acknowledgment mail sent exactly once per stored submission (maildev)", $"{ours.Count}",
            $"{ours.Count - lost.Count - dup.Count} once, {lost.Count} none, {dup.Count} more than once", lost.Count == 0 && dup.Count == 0));
        var ackedLost = acked.Count(s => Mails(s.Email) == 0);
        var ackedDup = acked.Count(s => Mails(s.Email) > 1);
        _rows.Add(("... of them, per acknowledged submission", $"{acked.Count}", $"{acked.Count - ackedLost - ackedDup} once, {ackedLost} none, {ackedDup} more than once", ackedLost == 0 && ackedDup == 0));
        var orphan = ackMails.Keys.Count(k => k.EndsWith("@nodekill.test", StringComparison.Ordinal) && !count.ContainsKey(k));
        _rows.Add(("acknowledgment mails for requests that were not stored", "0", $"{orphan}", orphan == 0));
        var outboxAcks = await QueryAsync(db, "SELECT lower(penerima), count(*) FROM notifications.outbox WHERE saluran IN ('email', 'email-platform') AND judul LIKE 'Permohonan diterima%' GROUP BY lower(penerima)",
            r => (To: r.GetString(0), Count: r.GetInt64(1)));
        var outboxCount = outboxAcks.ToDictionary(o => o.To, o => o.Count);
        foreach (var s in dup.Take(10))
            _evidence.Add($"acknowledgment to {s.Email} received {Mails(s.Email)} times (at {string.Join(", ", ackMails[s.Email].Select(m => m.Time))}); outbox rows for it: {outboxCount.GetValueOrDefault(s.Email)}");
        foreach (var s in lost.Take(10)) _evidence.Add($"no acknowledgment for stored {s.Email}; outbox rows for it: {outboxCount.GetValueOrDefault(s.Email)}");
    }

    private sealed record Activation(Guid Id, Guid Instance, string Step, DateTimeOffset Activated, DateTimeOffset Due, DateTimeOffset? Ended);

    private async Task TimersAsync(NpgsqlConnection db, List<Mail> mails)
    {
        var activations = await QueryAsync(db, "SELECT activation_id, instance_id, step_id, diaktifkan_pada, jatuh_tempo, berakhir_pada FROM sop.activations WHERE jatuh_tempo IS NOT NULL",
            r => new Activation(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        var events = (await QueryAsync(db, "SELECT activation_id, jenis, pada FROM sop.events WHERE jenis IN ('Diingatkan', 'Terlambat') AND activation_id IS NOT NULL",
            r => (Activation: r.GetGuid(0), Jenis: r.GetString(1), At: r.GetFieldValue<DateTimeOffset>(2)))).ToLookup(e => (e.Activation, e.Jenis));
        var flags = (await QueryAsync(db, "SELECT activation_id, diingatkan, terlambat FROM sop.active_steps", r => (Id: r.GetGuid(0), Reminded: r.GetBoolean(1), Overdue: r.GetBoolean(2))))
            .ToDictionary(f => f.Id);
        var byKode = (await QueryAsync(db, "SELECT kode_pelacakan, sop_instance_id FROM forms.submissions WHERE sop_instance_id IS NOT NULL", r => (Kode: r.GetString(0), Instance: r.GetGuid(1))))
            .ToDictionary(x => x.Kode, x => x.Instance);
        var byCase = (await QueryAsync(db, "SELECT id, sop_instance_id FROM kasus.cases WHERE sop_instance_id IS NOT NULL", r => (Case: r.GetGuid(0), Instance: r.GetGuid(1))))
            .ToDictionary(x => x.Case, x => x.Instance);
        var roleUsers = await QueryAsync(db, """
            SELECT r."Name", u."Id", lower(u."Email") FROM identity."AspNetUserRoles" ur
            JOIN identity."AspNetRoles" r ON r."Id" = ur."RoleId" JOIN identity."AspNetUsers" u ON u."Id" = ur."UserId"
            """, r => (Role: r.GetString(0), Id: r.GetString(1), Email: r.IsDBNull(2) ? "" : r.GetString(2)));
        var notices = await QueryAsync(db, "SELECT user_id, jenis, coalesce(tautan, '') FROM notifications.notifications WHERE jenis IN ('sop-pengingat', 'sop-terlambat')",
            r => (User: r.GetString(0), Jenis: r.GetString(1), Link: r.GetString(2)));

        // Notices are told apart per instance (their link is the case, their mail names the request's code): that is one timed activation per instance here.
        var timedPerInstance = activations.GroupBy(a => a.Instance).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        if (timedPerInstance.Count > 0) _evidence.Add($"{timedPerInstance.Count} instances have more than one timed activation: their notices are not attributed per activation and are left out of the notice checks");

        string[] recipientsReminder = [.. roleUsers.Where(u => u.Role == staffRole).Select(u => u.Id)];
        string[] recipientsEscalation = [.. roleUsers.Where(u => u.Role == staffRole || u.Role == escalationRole).Select(u => u.Id)];
        var emailOf = roleUsers.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First().Email);

        foreach (var (jenis, notice, name, reminder) in new[] { ("Diingatkan", "sop-pengingat", "reminder", true), ("Terlambat", "sop-terlambat", "escalation", false) })
        {
            DateTimeOffset DueOf(Activation a) => reminder ? a.Activated + (a.Due - a.Activated) * (reminderPercent / 100.0) : a.Due;
            int inWindow = 0, once = 0, notYet = 0, raced = 0, missed = 0, twice = 0, afterDone = 0, flagWrong = 0;
            var delays = new List<double>();
            var expected = new Dictionary<(Guid Instance, string User), int>();
            foreach (var a in activations)
            {
                var fired = events[(a.Id, jenis)].ToList();
                var due = DueOf(a);
                if (fired.Count > 0 && !timedPerInstance.Contains(a.Instance))
                    foreach (var user in reminder ? recipientsReminder : recipientsEscalation)
                        expected[(a.Instance, user)] = expected.GetValueOrDefault((a.Instance, user)) + 1;
                if (flags.TryGetValue(a.Id, out var flag) && (reminder ? flag.Reminded : flag.Overdue) != fired.Count > 0) flagWrong++;
                foreach (var e in fired) delays.Add((e.At - due).TotalSeconds);
                if (fired.Any(e => a.Ended is { } end && e.At > end)) afterDone++;
                if (due > timersUntil) continue;
                inWindow++;
                if (fired.Count > 1)
                {
                    twice++;
                    _evidence.Add($"{name} of activation {a.Id} (instance {a.Instance}) recorded {fired.Count} times: {string.Join(", ", fired.Select(e => e.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
                }
                else if (fired.Count == 1)
                {
                    if (a.Ended is not { } end || end >= due) once++; // else: counted as recorded after the step was done
                }
                else if (a.Ended is { } ended && ended < due) notYet++;
                else if (a.Ended is { } endedSoon && endedSoon < due + Grace) raced++;
                else
                {
                    missed++;
                    if (missed <= 10)
                        _evidence.Add($"{name} of activation {a.Id} (instance {a.Instance}, step {a.Step}, active since {a.Activated:HH:mm:ss.fff}) due {due:HH:mm:ss} never fired; step {(a.Ended is { } e ? $"done at {e:HH:mm:ss}" : "still open")}; "
                                      + await WhyMissedAsync(db, a));
                }
            }
            _rows.Add(($"{name}s due in the window fired exactly once (sop.events {jenis})", $"{inWindow - notYet - raced}",
                $"{once} once, {missed} never, {twice} more than once; {notYet} not due (step done first), {raced} step done < {Grace.TotalSeconds:F0} s after due, before the timer", missed == 0 && twice == 0));
            _rows.Add(($"{name}s recorded after their step was done", "0", $"{afterDone}", afterDone == 0));
            _rows.Add(($"{name} flag of open activations agrees with its events (sop.active_steps)", "0", $"{flagWrong} disagree", flagWrong == 0));
            delays.Sort();
            _timing.Add($"| {name} | {delays.Count} | {P(delays, .5):F1} | {P(delays, .95):F1} | {P(delays, 1):F1} | {delays.Count(d => d > 20)} |");

            // In-app notices: one per recipient of each fired timer, none for a timer that did not fire.
            var actual = new Dictionary<(Guid Instance, string User), int>();
            var unattributed = 0;
            foreach (var n in notices.Where(n => n.Jenis == notice))
            {
                if (Regex.Match(n.Link, "admin/kasus/([0-9a-f-]{36})") is { Success: true } m && byCase.TryGetValue(Guid.Parse(m.Groups[1].Value), out var instance))
                {
                    if (timedPerInstance.Contains(instance)) continue;
                    actual[(instance, n.User)] = actual.GetValueOrDefault((instance, n.User)) + 1;
                }
                else unattributed++;
            }
            Compare($"{name} in-app notices: one per recipient per fired {name}", expected, actual, unattributed, k => $"instance {k.Instance}, user {emailOf.GetValueOrDefault(k.User, k.User)}");

            // Mails: the same, by the request's code in the text and the recipient's address.
            var expectedMail = expected.GroupBy(e => (e.Key.Instance, User: emailOf.GetValueOrDefault(e.Key.User, ""))).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
            var actualMail = new Dictionary<(Guid Instance, string User), int>();
            var unattributedMail = 0;
            foreach (var mail in mails.Where(m => reminder ? m.Subject.Contains("Pengingat:", StringComparison.Ordinal) : m.Subject.Contains("Terlambat:", StringComparison.Ordinal)))
            {
                if (Regex.Match(mail.Text, @"Permohonan ([A-Z0-9]{4}-[A-Z0-9]{4})") is { Success: true } m && byKode.TryGetValue(m.Groups[1].Value, out var instance))
                {
                    if (timedPerInstance.Contains(instance)) continue;
                    actualMail[(instance, mail.To)] = actualMail.GetValueOrDefault((instance, mail.To)) + 1;
                }
                else unattributedMail++;
            }
            Compare($"{name} mails: one per recipient per fired {name} (maildev)", expectedMail, actualMail, unattributedMail, k => $"instance {k.Instance}, to {k.User}");
        }
    }

    /// <summary>Where a timer that never fired came from (its request and what the load was told) and what the Quartz store holds for it.</summary>
    private async Task<string> WhyMissedAsync(NpgsqlConnection db, Activation a)
    {
        var request = (await QueryAsync(db, $"SELECT lower(email), kode_pelacakan, dikirim_pada FROM forms.submissions WHERE sop_instance_id = '{a.Instance}'",
            r => (Email: r.GetString(0), Kode: r.GetString(1), At: r.GetFieldValue<DateTimeOffset>(2)))).FirstOrDefault();
        SubmissionRecord? sent;
        lock (load.Submissions) sent = load.Submissions.FirstOrDefault(x => x.Email == request.Email);
        var told = sent is null ? "not sent by this load" : $"posted at {sent.At.TotalSeconds:F1} s of the load, answered {(sent.Status == 0 ? "with no answer" : sent.Status.ToString(CultureInfo.InvariantCulture))}{(sent.Acknowledged ? " (acknowledged)" : " (not acknowledged)")}";
        string timers;
        try
        {
            await using var quartz = new NpgsqlConnection(host);
            await quartz.OpenAsync();
            var rows = await QueryAsync(quartz, $"""
                SELECT j.job_name, coalesce(t.trigger_state, 'no trigger') FROM qrtz_job_details j LEFT JOIN qrtz_triggers t ON t.sched_name = j.sched_name AND t.job_name = j.job_name AND t.job_group = j.job_group
                WHERE j.job_group = 'sla' AND j.job_name LIKE '{a.Id:N}%'
                """, r => $"{r.GetString(0)}: {r.GetString(1)}");
            timers = rows.Count == 0 ? "the Quartz store holds no job for this activation" : $"Quartz store: {string.Join(", ", rows)}";
        }
        catch (PostgresException e)
        {
            timers = $"the Quartz store could not be read ({e.MessageText})";
        }
        return $"its request {request.Email} (code {request.Kode}) was stored at {request.At:HH:mm:ss.fff}, {told}; {timers}";
    }

    private void Compare(string check, Dictionary<(Guid Instance, string User), int> expected, Dictionary<(Guid Instance, string User), int> actual, int unattributed, Func<(Guid Instance, string User), string> describe)
    {
        var (result, ok) = Tally.Line(Tally.Compare(expected, actual, _evidence, (key, e, a) => $"{check}: {describe(key)}: expected {e}, found {a}"), unattributed);
        _rows.Add((check, $"{expected.Values.Sum()}", result, ok));
    }

    private async Task CompletionsAsync(NpgsqlConnection db)
    {
        var done = await QueryAsync(db, "SELECT instance_id, step_id, activation_id, coalesce(oleh_id, '') FROM sop.events WHERE jenis = 'Diselesaikan'",
            r => (Instance: r.GetGuid(0), Step: r.GetString(1), Activation: r.IsDBNull(2) ? Guid.Empty : r.GetGuid(2), By: r.GetString(3)));
        var byCase = (await QueryAsync(db, "SELECT id, sop_instance_id FROM kasus.cases WHERE sop_instance_id IS NOT NULL", r => (Case: r.GetGuid(0), Instance: r.GetGuid(1))))
            .ToDictionary(x => x.Case, x => x.Instance);
        var twiceActivation = done.Where(d => d.Activation != Guid.Empty).GroupBy(d => d.Activation).Count(g => g.Count() > 1);
        var twiceStep = done.GroupBy(d => (d.Instance, d.Step)).Where(g => g.Count() > 1).ToList();
        foreach (var g in twiceStep.Take(10)) _evidence.Add($"step {g.Key.Step} of instance {g.Key.Instance} completed {g.Count()} times");
        _rows.Add(("no step completed twice (sop.events Diselesaikan per activation; per instance and step, the SOP has no loop)", "0",
            $"{twiceActivation} activations, {twiceStep.Count} steps", twiceActivation == 0 && twiceStep.Count == 0));

        var completions = load.Completions.ToList();
        var answered = completions.Where(c => c.Status == 302).ToList();
        var stored = done.Select(d => (d.Instance, d.Step)).ToHashSet();
        var lost = answered.Where(c => !byCase.TryGetValue(c.CaseId, out var instance) || !stored.Contains((instance, c.Step))).ToList();
        _rows.Add(("acknowledged step completions stored", $"{answered.Count}", $"{answered.Count - lost.Count} stored, {lost.Count} missing", lost.Count == 0));
        var doubles = completions.Where(c => c.Double).GroupBy(c => (c.CaseId, c.Step, c.At)).ToList();
        _rows.Add(("double clicks (two identical completion posts at once): both answered as done", "0 (one is told the step is no longer active)",
            $"{doubles.Count(g => g.Count(c => c.Status == 302) > 1)} of {doubles.Count}", doubles.All(g => g.Count(c => c.Status == 302) <= 1)));
        var byStaff = done.Count(d => d.By.Length > 0 && d.By != "system");
        _rows.Add(("step completions by staff in the database / answered as done / posts sent", "-",
            $"{byStaff} / {answered.Count} / {completions.Count} ({string.Join(", ", completions.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key)}: {g.Count()}"))})", null));
    }

    public void Print()
    {
        Console.WriteLine("| check | expected | result | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in _rows) Console.WriteLine($"| {r.Check} | {r.Expected} | {r.Result} | {(r.Ok switch { true => "ok", false => "**FAIL**", null => "info" })} |");
        Console.WriteLine();
        Console.WriteLine("| timer | fired | delay p50 s | p95 s | max s | later than 20 s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var t in _timing) Console.WriteLine(t);
        if (_evidence.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Evidence:");
            foreach (var e in _evidence) Console.WriteLine($"- {e}");
        }
    }

    private static string Status(int status) => status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture);

    private static double P(List<double> sorted, double q) => BenchHost.Percentile(sorted, q);

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(map(reader));
        return list;
    }
}

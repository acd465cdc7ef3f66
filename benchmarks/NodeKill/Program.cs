using CampusKonseling.Benchmarks;
using CampusKonseling.Benchmarks.NodeKill;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

// Issue 17, "Several hosts, one of them dying". Three host processes (the Release build) on one host database, nginx in front,
// a bounded mixed load through nginx (public form submissions, the staff case inbox and case pages, archive searches, step
// completions), one host killed with SIGKILL in the middle and started again 30 s later. Then, once every SLA timer due before
// the end of the load plus the step's time has had time to fire and the outbox is empty, it checks that every acknowledged
// submission is stored once, every acknowledgment mail sent once, every reminder and escalation due fired exactly once (with
// its in-app notices and mails), and no step was completed twice; and it reports p50/p95 latencies before, during and after.
// Exits 1 when an "exactly once" check fails; 3 when the checks' self-test (faults made on purpose and rolled back) is not caught.
//
// Needs nginx (Debian package nginx-light), maildev (scripts/ensure-test-tools.sh) and PostgreSQL (CK_BENCH_CONNECTION).
// Usage (from the repository root, after `dotnet build -c Release`):
//   dotnet run -c Release --project benchmarks/NodeKill [-- seconds users minutes]
//     seconds: how long the load runs (default 240); users: concurrent virtual users (default 8);
//     minutes: the time standard (waktu) of the first staff step, its reminder at half of it (default 2)
//   CK_NODEKILL_DURING=TEXT waits (up to 60 s) for the node to be running, or inside a transaction after, or to have finished less than
//   50 ms ago, a statement containing TEXT before killing it, e.g. "notifications.outbox" for a node delivering mail, or
//   "UPDATE kasus.cases" for a node just past a commit (a case's copy of its SOP steps is written after the step's transaction);
//   by default it waits (up to 15 s) for any campus work (a statement running or a transaction open).
//   CK_NODEKILL_WHEN=SQL adds a condition that must hold in the campus database at that moment, e.g.
//   "EXISTS (SELECT 1 FROM notifications.outbox WHERE status = 'menunggu')" (mail waits, so the batch being delivered is not empty).
//   CK_NODEKILL_DELAY_MS=N kills N ms after that moment instead of at once (e.g. while a claimed batch of mail is being sent).
//   CK_NODEKILL_AFTER=TEXT instead waits (up to 60 s) for a transaction of the node whose last statement starts with TEXT and kills the node
//   the moment that transaction has committed, e.g. "INSERT INTO notifications.outbox" (the last statement of a form submission's
//   transaction, which queues its acknowledgment; it waits for one while a form submission of the load is unanswered, since an
//   SOP notice's save ends with the same statement): the node dies after the request was stored and before it answered.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 240;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var minutes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
const string hostDb = "campuskonseling_bench_kill", tenantPrefix = "ckkill_", staffRole = "Staf Konseling & Asesmen", escalationRole = "Unit Kerja Terkait";
const string staffEmail = "staf@konseling-asesmen.demo", password = "Demo12345";
const int reminderPercent = 50, nodes = 3, killed = 1;
var duration = TimeSpan.FromSeconds(seconds);
var killAt = duration / 2;
var downFor = TimeSpan.FromSeconds(30);
var warmUp = TimeSpan.FromSeconds(15);

var root = BenchHost.FindRoot();
if (Nginx.Find() is not { } nginx)
{
    Console.Error.WriteLine("nginx is not installed. This benchmark runs the Debian package: apt-get install -y nginx-light");
    return 2;
}
var hostDll = Path.Combine(root, "src/Host/bin/Release/net10.0/CampusKonseling.Host.dll");
var maildevBin = Path.Combine(root, ".tools/node_modules/.bin/maildev");
if (!File.Exists(hostDll)) { Console.Error.WriteLine($"{hostDll} is missing: run `dotnet build -c Release` first."); return 2; }
if (!File.Exists(maildevBin)) { Console.Error.WriteLine($"{maildevBin} is missing: run scripts/ensure-test-tools.sh first."); return 2; }

var work = Directory.CreateTempSubdirectory("ck-nodekill-").FullName;
// nginx's workers run as an unprivileged user when it is started by root: they must be able to reach their temp folders under it.
if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
var ports = Nginx.FreePorts(3 + nodes);
var (smtpPort, webPort, proxyPort) = (ports[0], ports[1], ports[2]);
var nodePorts = ports[3..];
var keep = Environment.GetEnvironmentVariable("CK_BENCH_KEEP") == "1";
var processes = new List<Process>();
var hosts = new Process?[nodes];
var logs = new StreamWriter?[nodes];
var nodeEnv = new Dictionary<string, string>();
try
{
    // 1. The recipe: the SOP the public form starts gets SLA timers inside the run.
    var recipe = Path.Combine(work, "konseling-asesmen-nodekill.recipe.json");
    var stepId = WriteRecipe(Path.Combine(root, "recipes/konseling-asesmen.recipe.json"), recipe, $"{minutes} menit", reminderPercent, escalationRole);
    BenchHost.Run("dotnet", [hostDll, "recipes", "validate", recipe], [], wait: true);
    var (env, _, campus) = await BenchHost.CreateCampusAsync(hostDb, tenantPrefix, recipe, new()
    {
        ["CampusKonseling__Smtp__Host"] = "127.0.0.1",
        ["CampusKonseling__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["CampusKonseling__Smtp__From"] = "Layanan Konseling <noreply@nodekill.test>",
        ["CampusKonseling__Forms__PostsPerMinute"] = "1000000",
        ["CampusKonseling__PublicUrl"] = $"http://127.0.0.1:{proxyPort}",
        // One key-ring certificate for every node (README "Several servers"), made by the set-up above.
        ["CampusKonseling__KeyRing__CertificatePath"] = Path.Combine(work, "keyring/keyring.pfx"),
    });
    nodeEnv = env;
    Console.Error.WriteLine($"campus set up from {recipe}: step {stepId} of the form's SOP takes {minutes} menit, reminder at {reminderPercent}%");

    // 2. maildev, 3. three nodes (started one after another: the first makes the host's key ring) and nginx in front.
    var maildev = BenchHost.Run(maildevBin, ["--smtp", $"{smtpPort}", "--web", $"{webPort}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"], [], wait: false);
    processes.Add(maildev);
    using var mail = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromMinutes(2) };
    await BenchHost.WaitAsync(async () => (await mail.GetAsync("email")).IsSuccessStatusCode, "maildev");
    for (var i = 0; i < nodes; i++) await StartNodeAsync(i);
    var proxy = Nginx.Start(nginx, Path.Combine(work, "nginx"), proxyPort, nodePorts);
    processes.Add(proxy);
    var baseUri = new Uri($"http://127.0.0.1:{proxyPort}/");
    using (var probe = new HttpClient { BaseAddress = baseUri })
        await BenchHost.WaitAsync(async () => (await probe.GetAsync("bench/akun/masuk")).StatusCode == HttpStatusCode.OK, "nginx");
    Console.Error.WriteLine($"nginx on {baseUri} in front of nodes on ports {string.Join(", ", nodePorts)}; maildev on {smtpPort}/{webPort}; logs in {work}");

    // An archive to search (the cases of this run are not closed, so it would be empty).
    var clock = new Stopwatch();
    var load = new Load(baseUri, "bench", staffEmail, password, duration, clock);
    using (var importer = await load.SignInAsync())
    {
        using var response = await importer.PostAsync("bench/api/v1/arsip/impor", JsonContent.Create(ArchiveRecords(1000)));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"archive import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    // 4. The load, 5. with one node killed in the middle and started again.
    var loadBefore = LoadAverage();
    var startUtc = DateTimeOffset.UtcNow;
    clock.Start();
    var running = load.RunAsync(users, 17);
    await Task.Delay(killAt);
    // Killed mid-work: at the first moment (within 15 s) it has a transaction of the campus open or a statement running.
    var during = Environment.GetEnvironmentVariable("CK_NODEKILL_DURING") ?? "";
    var after = Environment.GetEnvironmentVariable("CK_NODEKILL_AFTER") ?? "";
    var cut = after.Length > 0
        ? await JustCommittedAsync($"campuskonseling:node{killed + 1}", TimeSpan.FromSeconds(60), after, () => load.SubmissionsInFlight > 0)
        : await WorkOfAsync(campus, $"campuskonseling:node{killed + 1}", TimeSpan.FromSeconds(during.Length == 0 ? 15 : 60), during,
            Environment.GetEnvironmentVariable("CK_NODEKILL_WHEN") ?? "true");
    var delay = int.Parse(Environment.GetEnvironmentVariable("CK_NODEKILL_DELAY_MS") ?? "0", CultureInfo.InvariantCulture);
    if (delay > 0) await Task.Delay(delay);
    var inFlight = load.InFlight;
    hosts[killed]!.Kill(); // SIGKILL on Linux: no shutdown, no finally blocks, open transactions cut
    var killedAt = clock.Elapsed;
    var killedUtc = DateTimeOffset.UtcNow;
    Console.Error.WriteLine($"{killedAt.TotalSeconds:F0} s: node{killed + 1} killed (SIGKILL)");
    await Task.Delay(downFor);
    var restartedAt = clock.Elapsed;
    await StartNodeAsync(killed);
    var upAt = clock.Elapsed;
    Console.Error.WriteLine($"{restartedAt.TotalSeconds:F0} s: node{killed + 1} started again, answering after {(upAt - restartedAt).TotalSeconds:F1} s");
    await running;
    var loadEnd = clock.Elapsed;
    var loadAfter = LoadAverage();
    Console.Error.WriteLine($"{loadEnd.TotalSeconds:F0} s: load finished");

    // 6. Wait for every timer due by the end of the load plus the step's time, then for the outbox to be empty and maildev to settle.
    var timersUntil = startUtc + loadEnd + TimeSpan.FromMinutes(minutes);
    var waitUntil = timersUntil + Checks.Grace;
    Console.Error.WriteLine($"waiting until {waitUntil:HH:mm:ss} UTC for the timers due by {timersUntil:HH:mm:ss} UTC");
    while (DateTimeOffset.UtcNow < waitUntil) await Task.Delay(TimeSpan.FromSeconds(5));
    var mails = await SettleAsync(campus, mail);

    var checks = new Checks(campus, nodeEnv["ConnectionStrings__Default"], load, timersUntil, reminderPercent, staffRole, escalationRole);
    await checks.RunAsync(mails);

    // Report.
    var samples = load.Samples.ToList();
    // A request belongs to the phase in which it was answered (or failed): one cut by the kill counts as during.
    string Phase(Sample s)
    {
        var at = s.At + TimeSpan.FromMilliseconds(s.Ms);
        return at < warmUp ? "warm-up" : at < killedAt ? "before" : at < restartedAt + downFor ? "during" : "after";
    }
    string[] phases = ["before", "during", "after"];
    List<SubmissionRecord> submissions;
    lock (load.Submissions) submissions = [.. load.Submissions];
    Console.WriteLine();
    Console.WriteLine($"Three nodes behind nginx, {users} virtual users for {seconds} s; node{killed + 1} killed at {killedAt.TotalSeconds:F0} s, started again at {restartedAt.TotalSeconds:F0} s " +
                      $"(answering after {(upAt - restartedAt).TotalSeconds:F1} s). Phases: before {warmUp.TotalSeconds:F0}–{killedAt.TotalSeconds:F0} s, during {killedAt.TotalSeconds:F0}–{(restartedAt + downFor).TotalSeconds:F0} s, " +
                      (restartedAt + downFor < loadEnd ? $"after {(restartedAt + downFor).TotalSeconds:F0}–{loadEnd.TotalSeconds:F0} s" : "no after phase (the load is too short)") +
                      $"; a request counts in the phase it was answered in; the first {warmUp.TotalSeconds:F0} s are warm-up, not in the latencies.");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average (1 min) {loadBefore} when the load started, {loadAfter} when it ended (other work shares the machine).");
    Console.WriteLine($"At the kill ({killedUtc:HH:mm:ss.fff} UTC): {inFlight.All} requests in flight through nginx ({inFlight.Posts} POSTs); node{killed + 1}'s campus database sessions at work: " +
                      (cut.Count == 0 ? "none seen in the wait" : string.Join("; ", cut.Select(c => $"{c.State}: {c.Query}"))) + (during.Length > 0 ? $" (waited for a statement containing \"{during}\")" : "")
                      + (after.Length > 0 ? $" (waited for the commit of a transaction whose last statement started with \"{after}\")" : "")
                      + (delay > 0 ? $", killed {delay} ms after it was seen" : "") + ".");
    Console.WriteLine();
    Console.WriteLine("| request | before p50 / p95 ms | during p50 / p95 ms | after p50 / p95 ms | failed before / during / after | requests |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var kind in new[] { "form", "submit", "inbox", "case", "complete", "search" })
    {
        var mine = samples.Where(s => s.Kind == kind).ToList();
        string Cell(string phase)
        {
            var ms = mine.Where(s => Phase(s) == phase && !s.Failed).Select(s => s.Ms).Order().ToList();
            return ms.Count == 0 ? "-" : $"{BenchHost.Percentile(ms, .5):F0} / {BenchHost.Percentile(ms, .95):F0}";
        }
        var failed = phases.Select(p => mine.Count(s => Phase(s) == p && s.Failed).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"| {Describe(kind)} | {string.Join(" | ", phases.Select(Cell))} | {string.Join(" / ", failed)} | {mine.Count} |");
    }
    Console.WriteLine();
    var statuses = samples.GroupBy(Phase).OrderBy(g => Array.IndexOf(["warm-up", "before", "during", "after"], g.Key))
        .Select(g => $"{g.Key}: {string.Join(", ", g.GroupBy(s => s.Status).OrderBy(x => x.Key).Select(x => $"{(x.Key == 0 ? "no answer" : x.Key)}×{x.Count()}"))}");
    Console.WriteLine($"Answers by phase: {string.Join("; ", statuses)}.");
    Console.WriteLine($"Submissions posted: {submissions.Count}, acknowledged: {submissions.Count(s => s.Acknowledged)}; mails in maildev: {mails.Count} " +
                      $"({mails.Count(Checks.IsAcknowledgment)} acknowledgments, {mails.Count(m => m.Subject.Contains("Pengingat:", StringComparison.Ordinal))} reminders, " +
                      $"{mails.Count(m => m.Subject.Contains("Terlambat:", StringComparison.Ordinal))} escalations).");
    for (var i = 0; i < nodes; i++)
    {
        logs[i]!.Flush();
        var lines = File.ReadAllLines(Path.Combine(work, $"node{i + 1}.log"));
        Console.WriteLine($"node{i + 1}: {lines.Count(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal))} errors logged");
    }
    Console.WriteLine();
    checks.Print();
    Console.WriteLine();
    var selfTest = await checks.SelfTestAsync(mails);
    Console.WriteLine($"Self-test of the checks (each fault made alone in a rolled-back transaction or a copy of the mail list): {string.Join("; ", selfTest.Select(t => $"{t.Fault}: {t.Outcome}"))}.");
    Console.WriteLine(checks.Passed ? "Every exactly-once check passed." : "AN EXACTLY-ONCE CHECK FAILED (see above).");
    return !checks.Passed ? 1 : selfTest.Any(t => t.Outcome == "NOT CAUGHT") ? 3 : 0;
}
finally
{
    // 7. Clean up.
    foreach (var p in processes.Concat(hosts.OfType<Process>()))
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    foreach (var l in logs) l?.Dispose();
    if (!keep)
    {
        await BenchHost.ResetAsync(BenchHost.Server, hostDb, tenantPrefix);
        Directory.Delete(work, recursive: true);
    }
    else Console.Error.WriteLine($"CK_BENCH_KEEP=1: databases {hostDb} and {tenantPrefix}bench and {work} are kept");
}

async Task StartNodeAsync(int i)
{
    var env = new Dictionary<string, string>(nodeEnv);
    env["CampusKonseling__NodeName"] = $"node{i + 1}";
    var log = logs[i] ??= new StreamWriter(Path.Combine(work, $"node{i + 1}.log"), append: true) { AutoFlush = true };
    var writer = TextWriter.Synchronized(log);
    var process = BenchHost.Run("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{nodePorts[i]}"], env, wait: false);
    process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
    hosts[i] = process;
    writer.WriteLine($"==== node{i + 1} started (pid {process.Id}) at {DateTimeOffset.UtcNow:O}");
    using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nodePorts[i]}/") };
    await BenchHost.WaitAsync(async () => (await probe.GetAsync("bench/akun/masuk")).StatusCode == HttpStatusCode.OK, $"node{i + 1}");
}

// The node's database sessions (by application_name) that are in a transaction or running a statement (with a pattern: whose statement
// contains it, also just finished), polled until there is one or `wait` passes.
// `when` is an SQL condition that must hold in the campus database at the same moment.
static async Task<List<(string State, string Query)>> WorkOfAsync(string campus, string applicationName, TimeSpan wait, string pattern, string when)
{
    await using var db = new NpgsqlConnection(campus);
    await db.OpenAsync();
    var until = DateTimeOffset.UtcNow + wait;
    while (true)
    {
        var work = new List<(string State, string Query)>();
        await using (var cmd = new NpgsqlCommand("SELECT state, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity WHERE application_name = $1 AND strpos(query, $2) > 0 " +
                                                  "AND (state <> 'idle' OR ($2 <> '' AND state_change > clock_timestamp() - interval '50 milliseconds')) AND " + when, db)
                     { Parameters = { new() { Value = applicationName }, new() { Value = pattern } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) work.Add((reader.GetString(0), reader.GetString(1)));
        if (work.Count > 0 || DateTimeOffset.UtcNow > until) return work;
        await Task.Delay(2);
    }
}

// Waits for a session of the node that is inside a transaction whose last statement starts with `pattern`, then for that session to
// commit (idle, last statement COMMIT), and returns as soon as it has: the caller kills the node then, just after the commit.
// Only transactions seen while `when` holds count.
static async Task<List<(string State, string Query)>> JustCommittedAsync(string applicationName, TimeSpan wait, string pattern, Func<bool> when)
{
    await using var db = new NpgsqlConnection(BenchHost.Server);
    await db.OpenAsync();
    var until = DateTimeOffset.UtcNow + wait;
    while (DateTimeOffset.UtcNow < until)
    {
        int? pid = null;
        await using (var find = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction' AND starts_with(query, $2) LIMIT 1", db)
                     { Parameters = { new() { Value = applicationName }, new() { Value = pattern } } })
            pid = (int?)await find.ExecuteScalarAsync();
        if (pid is null || !when())
        {
            await Task.Delay(1);
            continue;
        }
        for (var i = 0; i < 2000; i++)
        {
            await using var look = new NpgsqlCommand("SELECT state, left(query, 90) FROM pg_stat_activity WHERE pid = $1", db) { Parameters = { new() { Value = pid.Value } } };
            await using var reader = await look.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) break;
            var (state, query) = (reader.GetString(0), reader.GetString(1));
            if (state == "idle in transaction" && query.StartsWith(pattern, StringComparison.Ordinal)) continue;
            if (state == "idle" && query.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)) return [("just committed", $"a transaction whose last statement started with \"{pattern}\"")];
            break; // rolled back, or went on with other statements: look for the next one
        }
    }
    return [];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string Describe(string kind) => kind switch
{
    "form" => "public form page (GET)",
    "submit" => "form submission (POST)",
    "inbox" => "case inbox (GET, also by NIM)",
    "case" => "case page (GET)",
    "complete" => "step completion (POST)",
    "search" => "archive search (API)",
    _ => kind,
};

// Waits until no e-mail waits in the outbox and maildev holds at least as many mails as the outbox sent, unchanged for 10 s.
static async Task<List<Mail>> SettleAsync(string campus, HttpClient maildev)
{
    var started = DateTimeOffset.UtcNow;
    var last = -1;
    while (true)
    {
        long waiting, sent;
        await using (var db = new NpgsqlConnection(campus))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FILTER (WHERE status IN ('menunggu', 'mengirim')), count(*) FILTER (WHERE status = 'terkirim') FROM notifications.outbox WHERE saluran IN ('email', 'email-platform')", db);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            (waiting, sent) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var mails = await Checks.MailsAsync(maildev);
        if (waiting == 0 && mails.Count >= sent && mails.Count == last) return mails;
        if (DateTimeOffset.UtcNow - started > TimeSpan.FromMinutes(10))
        {
            Console.Error.WriteLine($"the outbox did not settle in 10 min: {waiting} waiting, {sent} sent, {mails.Count} in maildev; checking what there is");
            return mails;
        }
        Console.Error.WriteLine($"outbox: {waiting} waiting, {sent} sent; maildev: {mails.Count}");
        last = mails.Count;
        await Task.Delay(TimeSpan.FromSeconds(10));
    }
}

// A copy of the recipe in which the SOP that the public form starts has SLA timers inside the run: its first step a person must do
// (a task of staff lanes only, not done by the system) takes `waktu`, plain clock time, reminder at `percent`, escalation to `escalation`.
static string WriteRecipe(string source, string target, string waktu, int percent, string escalation)
{
    var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    var recipe = JsonNode.Parse(File.ReadAllText(source), documentOptions: options)!;
    var steps = recipe["steps"]!.AsArray();
    JsonNode Step(string name) => steps.First(s => (string?)s!["name"] == name)!;
    var form = Step("forms")["forms"]!.AsArray().First(f => (string?)f!["kode"] == Load.FormKode)!;
    var sopKode = (string)form["sop"]!;
    var sop = Step("sop")["sops"]!.AsArray().First(s => (string?)s!["kode"] == sopKode)!;
    var staffLanes = sop["pelaksana"]!.AsArray().Where(l => l!["peran"] is not null && l["klien"] is null && l["penugasan"] is null).Select(l => (string)l!["id"]!).ToHashSet();
    var first = sop["langkah"]!.AsArray().First(l => (string?)l!["jenis"] == "tugas" && l["otomatis"] is null
        && l["pelaksana"]!.AsArray().All(p => staffLanes.Contains((string)p!)))!;
    first["waktu"] = waktu;
    sop["pengingatPersen"] = percent;
    sop["jamKerja"] = false;
    sop["eskalasiKe"] = escalation;
    File.WriteAllText(target, recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    return (string)first["id"]!;
}

// Closed case records for the archive searches to find (the load's own cases stay open).
static List<object> ArchiveRecords(int count)
{
    string[] bidang = ["Akademik", "Personal", "Karier", "Sosial"];
    string[] teks = ["Mahasiswa menyampaikan kebutuhan layanan konseling karier.", "Surat rujukan dikirim kepada psikolog eksternal.",
        "Layanan konseling diberikan pada jadwal yang disepakati.", "Asesmen minat bakat dan wawancara.", "Klien cemas menghadapi ujian skripsi."];
    var closed = new DateTimeOffset(2025, 6, 30, 3, 0, 0, TimeSpan.Zero);
    return Enumerable.Range(0, count).Select(i => (object)new
    {
        jenis = "kasus", subjekId = $"nodekill-{i}", judul = $"Kasus KS-2025-{i:00000} — Layanan Konseling", nomor = $"KS-2025-{i:00000}",
        sopJudul = "Layanan Konseling Mahasiswa Inisiatif Sendiri", bidang = bidang[i % bidang.Length], nama = $"Mahasiswa Arsip {i}",
        dibuka = closed.AddDays(-(i % 300) - 14), ditutup = closed.AddDays(-(i % 300)), hasil = "selesai",
        teksUmum = $"{teks[i % teks.Length]} {teks[(i / 5) % teks.Length]}",
    }).ToList();
}

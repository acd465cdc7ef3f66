using System.Diagnostics;
using System.Globalization;
using System.Net;
using CampusKonseling.Benchmarks;
using CampusKonseling.Benchmarks.SlaTimers;
using Npgsql;
using Quartz;

// Issue 17, "Timers at scale": pending SLA deadlines across many campuses, three nodes; each reminder and escalation due fires
// within 10 s of its due time, exactly once; memory and database load recorded.
// Set-up: a scratch host database; one campus from a copy of recipes/konseling-asesmen.recipe.json with one more SOP (BENCH-SLA,
// one timed staff step) made with the host's CLI, copied for every campus (CREATE DATABASE … TEMPLATE, as ManyCampuses does).
// Each deadline is a started instance written straight into its campus database (generate_series, shaped as DbSopStore writes
// it) with its two timers (reminder, due time) stored in the clustered Quartz store by a scheduler configured like the host's
// and never started, as QuartzSlaTimers stores them: job SlaTimerJob, group "sla", key {activation:N}-{Pengingat|JatuhTempo}.
// Most deadlines are due 10–20 days on and only make the store big; the others fall due in the window, reminders spread over its
// first half and due times over its second, so the cluster fires 2 × due ÷ window timers a second throughout. Those are stored
// while the nodes run, just before the window. Three host processes (node1–node3) fire them; the program watches RSS and CPU
// of each node (/proc), PostgreSQL connections and the store's rows, then checks every campus database (Checks.cs) and the store.
// Exits 1 when a check fails, 3 when the checks' self-test (faults made in rolled-back transactions) is not caught, 2 when
// something it needs is missing.
//
// Needs PostgreSQL (CK_BENCH_CONNECTION; max_connections 300 for three nodes) and maildev (scripts/ensure-test-tools.sh).
// Usage (from the repository root, after `dotnet build -c Release`; CK_BENCH_HOST_DLL=path runs a copy of the host build):
//   dotnet run -c Release --project benchmarks/SlaTimers [-- campuses pending due minutes]
//     campuses (default 100); pending: deadlines in all (default 100000); due: deadlines due inside the window, each a reminder
//     and a due time (default 3000: 6000 timers, 10 a second); minutes: the window (default 10). A short window (e.g. 0.05) is a
//     burst: how fast the cluster drains a backlog.
var inv = CultureInfo.InvariantCulture;
var campuses = args.Length > 0 ? int.Parse(args[0], inv) : 100;
var pending = args.Length > 1 ? int.Parse(args[1], inv) : 100_000;
var dueCount = args.Length > 2 ? int.Parse(args[2], inv) : 3_000;
var window = TimeSpan.FromMinutes(args.Length > 3 ? double.Parse(args[3], inv) : 10);
const int nodeCount = 3, batch = 500;
// Written into each node's log when the window opens; what is logged before it is start-up.
const string WindowMark = "==== the window opens";
var grace = TimeSpan.FromSeconds(60);
if (campuses < 1 || dueCount < 1 || dueCount > pending) { Console.Error.WriteLine("campuses ≥ 1 and 1 ≤ due ≤ pending"); return 2; }

var root = BenchHost.FindRoot();
var hostDll = Setup.HostDll(root);
var maildevBin = Path.Combine(root, ".tools/node_modules/.bin/maildev");
if (!File.Exists(hostDll)) { Console.Error.WriteLine($"{hostDll} is missing: run `dotnet build -c Release` first (or set CK_BENCH_HOST_DLL)."); return 2; }
if (!File.Exists(maildevBin)) { Console.Error.WriteLine($"{maildevBin} is missing: run scripts/ensure-test-tools.sh first."); return 2; }
var keep = Environment.GetEnvironmentVariable("CK_BENCH_KEEP") == "1";
var work = Directory.CreateTempSubdirectory("ck-slatimers-").FullName;
var ports = FreePorts(2 + nodeCount);
var nodePorts = ports[2..];
var hosts = new Process?[nodeCount];
var others = new List<Process>();
var logs = new StreamWriter?[nodeCount];
var writers = new TextWriter?[nodeCount];
var clock = Stopwatch.StartNew();
void Say(string text) => Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s  {text}");
try
{
    // 1. The template campus and its copies.
    var recipe = Path.Combine(work, "konseling-asesmen-slatimers.recipe.json");
    Setup.WriteRecipe(Path.Combine(root, "recipes/konseling-asesmen.recipe.json"), recipe);
    BenchHost.Run("dotnet", [hostDll, "recipes", "validate", recipe], [], wait: true);
    var env = Setup.Environment0(work, ports[0]);
    env["CampusKonseling__PublicUrl"] = $"http://127.0.0.1:{nodePorts[0]}";
    var sop = await Setup.CreateTemplateAsync(hostDll, recipe, env);
    var names = Enumerable.Range(1, campuses).Select(Setup.Campus).ToList();
    foreach (var name in names) await Setup.CopyCampusAsync(name);
    var roleUsers = await Setup.RoleUsersAsync();
    Say($"{campuses} campuses copied from the template (SOP {sop.Kode}); {roleUsers.Count(u => u.Role == Setup.StaffRole)} staff and {roleUsers.Count(u => u.Role == Setup.EscalationRole)} escalation users each");

    // 2. The far-future deadlines: rows, then their timers, before any node runs.
    await using var factory = Seed.SchedulerFactory();
    var scheduler = await factory.GetScheduler();
    var meta = await scheduler.GetMetadata();
    var misfireThreshold = new AdoJobStoreOptions().MisfireThreshold;
    var farCount = pending - dueCount;
    var now = DateTimeOffset.UtcNow;
    var farEvery = TimeSpan.FromDays(10) / Math.Max(1, farCount);
    var far = new List<Deadline>();
    var timing = Stopwatch.StartNew();
    for (var c = 0; c < campuses; c++)
        far.AddRange(await Seed.RowsAsync(names[c], sop, Share(farCount, c), now.AddDays(-1), now.AddDays(10) + c * farEvery, campuses * farEvery, TimeSpan.FromDays(10), "Tenggat jauh"));
    var farRows = timing.Elapsed;
    timing.Restart();
    await Seed.ScheduleAsync(scheduler, far, batch, n => { if (n % 10_000 < batch) Say($"far-future timers stored: {2 * n} of {2 * far.Count}"); });
    var farTimers = timing.Elapsed;
    Say($"{far.Count} far-future deadlines: rows in {farRows.TotalSeconds:F1} s, {2 * far.Count} timers stored in {farTimers.TotalSeconds:F1} s");

    // 3. maildev and three nodes.
    others.Add(BenchHost.Run(maildevBin, ["--smtp", $"{ports[0]}", "--web", $"{ports[1]}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"], [], wait: false));
    for (var i = 0; i < nodeCount; i++) await StartNodeAsync(i, env);
    var watch = new Watch(() => hosts);
    using var stopMonitor = new CancellationTokenSource();
    var monitoring = Task.Run(() => watch.RunAsync(stopMonitor.Token));
    Say($"nodes answering on ports {string.Join(", ", nodePorts)}; logs in {work}");

    // 4. The deadlines due in the window, stored while the nodes run; the window opens once they are surely in.
    var perTimer = farTimers.TotalSeconds / Math.Max(1, 2 * far.Count);
    var lead = TimeSpan.FromSeconds(Math.Max(60, 30 + 3 * perTimer * 2 * dueCount));
    var windowStart = DateTimeOffset.UtcNow + lead;
    windowStart = new DateTimeOffset(windowStart.UtcTicks - windowStart.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    var dueEvery = window / 2 / dueCount;
    var due = new List<Deadline>();
    for (var c = 0; c < campuses; c++)
        due.AddRange(await Seed.RowsAsync(names[c], sop, Share(dueCount, c), DateTimeOffset.UtcNow, windowStart + c * dueEvery, campuses * dueEvery, window / 2, "Tenggat dekat"));
    due.Sort((a, b) => a.Remind.CompareTo(b.Remind));
    await Seed.ScheduleAsync(scheduler, due, batch);
    var stored = DateTimeOffset.UtcNow;
    var storedLate = due.Count(d => d.Remind < stored);
    Say($"{due.Count} deadlines due in the window stored; the window opens at {windowStart:HH:mm:ss} UTC"
        + (storedLate > 0 ? $" — {storedLate} reminders were stored after their due time (the lead was too short)" : $", {(windowStart - stored).TotalSeconds:F0} s after"));

    // 5. The window, and a grace period for the last timers.
    while (DateTimeOffset.UtcNow < windowStart - TimeSpan.FromSeconds(3)) await Task.Delay(200);
    var (hostBefore, campusBefore) = await Watch.DbCountersAsync();
    var nodeCpuBefore = hosts.Select(Watch.Cpu).ToArray();
    foreach (var writer in writers) writer?.WriteLine(WindowMark);
    var cpuBefore = Watch.MachineCpu();
    var loadBefore = Watch.LoadAverage();
    var windowEnd = windowStart + window;
    while (DateTimeOffset.UtcNow < windowEnd + grace)
    {
        var left = windowEnd + grace - DateTimeOffset.UtcNow;
        await Task.Delay(left < TimeSpan.FromSeconds(30) ? left : TimeSpan.FromSeconds(30));
        Say($"{(DateTimeOffset.UtcNow - windowStart).TotalSeconds:F0} s into the window; RSS MB {string.Join(" / ", hosts.Select(h => $"{Watch.Rss(h) / 1024.0:F0}"))}; peak PG connections {watch.PeakConnections}");
    }
    var (hostAfter, campusAfter) = await Watch.DbCountersAsync();
    var nodeCpu = hosts.Select(Watch.Cpu).Zip(nodeCpuBefore, (a, b) => a - b).ToArray();
    var cpuAfter = Watch.MachineCpu();
    var loadAfter = Watch.LoadAverage();
    var measured = (DateTimeOffset.UtcNow - windowStart).TotalSeconds;
    await stopMonitor.CancelAsync();
    await monitoring;
    var clusterNodes = await scheduler.QueryClusterNodes();
    var metrics = new List<string>();
    for (var i = 0; i < nodeCount; i++) metrics.Add(await Report.NodeMetricsAsync(nodePorts[i]));

    // 6. The checks.
    var data = new Dictionary<string, CampusData>();
    foreach (var name in names)
    {
        await using var db = new NpgsqlConnection(Setup.CampusConnection(name));
        await db.OpenAsync();
        data[name] = await Checks.CollectAsync(db);
    }
    var checks = new Checks(due, far, roleUsers);
    checks.Evaluate(data);
    await Report.QuartzStoreAsync(checks, due, far, windowStart - lead);
    var selfTest = await checks.SelfTestAsync(data);

    // Report.
    Console.WriteLine();
    Console.WriteLine($"{campuses} campuses, {pending:N0} pending deadlines ({2 * pending:N0} timers in the store); {due.Count:N0} due in a {window.TotalMinutes:0.##}-minute window "
        + $"({2 * due.Count:N0} timers, {2 * due.Count / window.TotalSeconds:F1} a second), the rest 10–20 days on. {nodeCount} nodes (host build {hostDll}).");
    Console.WriteLine($"Set-up: {farCount:N0} far-future deadlines written in {farRows.TotalSeconds:F1} s and their timers stored in {farTimers.TotalSeconds:F1} s "
        + $"({2 * far.Count / Math.Max(0.001, farTimers.TotalSeconds):F0} a second, {batch} deadlines a ScheduleJobs call); the window opened {lead.TotalSeconds:F0} s after the nodes were up.");
    Console.WriteLine($"Quartz as the host configures it (read from the same configuration in this process): thread pool {meta.ThreadPoolSize}, clustered {meta.JobStoreClustered}, "
        + $"store {meta.JobStoreTypeName}, version {meta.Version}; batch acquisition automatic (= thread pool), misfire threshold {misfireThreshold}, idle wait 5 s.");
    Console.WriteLine($"Cluster as Quartz sees it after the window: {string.Join("; ", clusterNodes.Where(n => !n.IsCurrentNode).Select(n => $"{n.InstanceId} {n.State}, last check-in {n.LastCheckInUtc:HH:mm:ss}"))}.");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, CPU busy {100.0 * (cpuAfter.Busy - cpuBefore.Busy) / Math.Max(1, cpuAfter.Total - cpuBefore.Total):F0} % over the window and grace, "
        + $"load average {loadBefore} at its start, {loadAfter} at its end (other work may share the machine).");
    Console.WriteLine();
    checks.Print();
    Console.WriteLine();
    Report.Timeline(watch.Samples, checks.Fired, due.SelectMany(d => new[] { d.Remind, d.Due }).ToList(), windowStart, windowStart - TimeSpan.FromSeconds(30), windowEnd + grace, TimeSpan.FromSeconds(Math.Max(30, Math.Ceiling((window + grace).TotalSeconds / 12 / 30) * 30)), nodeCount);
    Console.WriteLine();
    var fired = checks.Fired.Count;
    Console.WriteLine($"Database load over the window and grace ({measured:F0} s, pg_stat_database deltas); most connections to this run's databases at once: {watch.PeakConnections} "
        + $"(each's own peak: {string.Join(", ", watch.PeakByApplication.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}); most sessions waiting for a lock at once: "
        + $"{watch.PeakLockWaits.Host} in the host database, {watch.PeakLockWaits.Campuses} in the campus databases. CPU in the window and grace: nodes {nodeCpu.Sum():F0} s "
        + $"({string.Join(" / ", nodeCpu.Select(c => $"{c:F0}"))}), {(fired == 0 ? "-" : $"{1000 * nodeCpu.Sum() / fired:F0}")} ms a fired timer.");
    Console.WriteLine();
    Report.DbLoad(hostAfter - hostBefore, campusAfter - campusBefore, fired, measured);
    if (watch.LockWaiters.Count > 0)
        Console.WriteLine($"\nSessions seen waiting for a lock (most at once of each): {string.Join("; ", watch.LockWaiters.OrderByDescending(w => w.Value).Take(8).Select(w => $"{w.Value} × {w.Key}"))}.");
    Console.WriteLine();
    for (var i = 0; i < nodeCount; i++)
    {
        logs[i]!.Flush();
        var lines = File.ReadAllLines(Path.Combine(work, $"node{i + 1}.log")).SkipWhile(l => l != WindowMark).ToList();
        var rss = watch.Samples.Where(s => s.At >= windowStart).Select(s => s.RssKb[i]).DefaultIfEmpty(0).ToList();
        Console.WriteLine($"node{i + 1}: RSS {rss.Min() / 1024.0:F0}–{rss.Max() / 1024.0:F0} MB from the window's start; {metrics[i]}; "
            + $"from the window's start {lines.Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))} errors, "
            + $"{lines.Count(l => l.StartsWith("warn:", StringComparison.Ordinal))} warnings logged ({lines.Count(l => l.Contains("SLA timer", StringComparison.Ordinal))} about SLA timers)");
    }
    Console.WriteLine();
    Console.WriteLine($"Self-test of the checks (each fault made alone in a rolled-back transaction in {due[0].Tenant}): {string.Join("; ", selfTest.Select(t => $"{t.Fault}: {t.Outcome}"))}.");
    Console.WriteLine(checks.Passed ? "Every check passed." : "A CHECK FAILED (see above).");
    return !checks.Passed ? 1 : selfTest.Any(t => t.Outcome == "NOT CAUGHT") ? 3 : 0;
}
finally
{
    foreach (var p in others.Concat(hosts.OfType<Process>()))
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    foreach (var l in logs) l?.Dispose();
    if (!keep)
    {
        NpgsqlConnection.ClearAllPools();
        await BenchHost.ResetAsync(BenchHost.Server, Setup.HostDb, Setup.Prefix);
        Directory.Delete(work, recursive: true);
    }
    else Console.Error.WriteLine($"CK_BENCH_KEEP=1: databases {Setup.HostDb} and {Setup.Prefix}* and {work} are kept");
}

// Deadlines of campus c (from 0) when n are dealt round-robin over the campuses.
int Share(int n, int c) => n / campuses + (c < n % campuses ? 1 : 0);

async Task StartNodeAsync(int i, Dictionary<string, string> baseEnv)
{
    var env = new Dictionary<string, string>(baseEnv) { ["CampusKonseling__NodeName"] = $"node{i + 1}" };
    var log = logs[i] ??= new StreamWriter(Path.Combine(work, $"node{i + 1}.log"), append: true) { AutoFlush = true };
    var writer = writers[i] ??= TextWriter.Synchronized(log);
    var process = BenchHost.Run("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{nodePorts[i]}"], env, wait: false);
    process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
    hosts[i] = process;
    using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nodePorts[i]}/") };
    await BenchHost.WaitAsync(async () => (await probe.GetAsync("health")).StatusCode == HttpStatusCode.OK, $"node{i + 1}");
}

static int[] FreePorts(int count)
{
    var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToList();
    foreach (var l in listeners) l.Start();
    var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
    foreach (var l in listeners) l.Stop();
    return ports;
}

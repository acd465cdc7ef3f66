using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Benchmarks;
using Npgsql;

// Issue 17's "many campuses per process": RSS, a cold campus's first page, and every campus requested at once.
// The program sets up one campus from recipes/unipma.recipe.json with the host's CLI on a scratch host database,
// copies its database (CREATE DATABASE … TEMPLATE) and registry entry for as many campuses as asked, and runs the
// real host (Release build) as its own process. For each size N:
//   A. after a restart, every campus asked for its home page once, one after another: latency of each first page,
//      then the host's RSS with N live campuses;
//   B. on that warm host, 100 campuses it has not served yet: their first pages;
//   C. after another restart, all N campuses asked within 10 s (request i sent at i × 10 s / N, none waiting for
//      another): status codes, latencies, and the most connections PostgreSQL saw from the host at once.
//
// Usage (from the repository root, after `dotnet build -c Release`):
//   dotnet run -c Release --project benchmarks/ManyCampuses [-- 100 500 1000]
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 500, 1000];
const string hostDb = "campuskonseling_bench_many", prefix = "ckmany_", node = "bench-many";
const int coldExtra = 100;
var httpPort = FreePort();
var server = BenchHost.Server;

Console.WriteLine($"Setting up the template campus from unipma.recipe.json …");
var (env, hostDll, _) = await BenchHost.CreateCampusAsync(hostDb, prefix, "unipma.recipe.json", new()
{
    ["CampusKonseling__NodeName"] = node,
    ["CampusKonseling__ShellIdleSeconds"] = "3600",
});
var hostConn = new NpgsqlConnectionStringBuilder(server) { Database = hostDb }.ConnectionString;
await using (var conn = new NpgsqlConnection(hostConn))
{
    await conn.OpenAsync();
    // The template campus is not served: only its copies are.
    await new NpgsqlCommand("UPDATE host.tenants SET state = 'Disabled' WHERE name = 'bench'", conn).ExecuteNonQueryAsync();
}

var created = 0;
var results = new List<string>();
foreach (var size in sizes)
{
    var copyWatch = Stopwatch.StartNew();
    var before = created;
    while (created < size + coldExtra) await CopyCampusAsync(++created);
    if (created > before) Console.WriteLine($"{created - before} campuses copied in {copyWatch.Elapsed.TotalSeconds:0} s ({copyWatch.Elapsed.TotalMilliseconds / (created - before):0} ms each)");

    // A: right after a restart, every campus's first page, one after another.
    var (host, http) = await StartHostAsync();
    var rss0 = Rss(host);
    var afterRestart = new List<double>();
    for (var i = 1; i <= size; i++) afterRestart.Add(await TimeGetAsync(http, Name(i)));
    await Task.Delay(2000);
    GC.Collect();
    var rssAll = Rss(host);
    var live = await LiveShellsAsync(http);

    // B: the same warm host, campuses it has not served yet.
    var warm = new List<double>();
    for (var i = size + 1; i <= size + coldExtra; i++) warm.Add(await TimeGetAsync(http, Name(i)));
    Stop(host);

    // C: after another restart, every campus within 10 s.
    (host, http) = await StartHostAsync();
    var statuses = new ConcurrentBag<(int Status, double Ms)>();
    var seen = new ConcurrentBag<int>();
    using var watching = new CancellationTokenSource();
    var watcher = Task.Run(async () =>
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        while (!watching.IsCancellationRequested)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", conn) { Parameters = { new() { Value = "campuskonseling:" + node } } };
            seen.Add(Convert.ToInt32(await count.ExecuteScalarAsync()));
            await Task.Delay(20);
        }
    });
    var burst = Stopwatch.StartNew();
    var sends = Enumerable.Range(1, size).Select(async i =>
    {
        var due = TimeSpan.FromMilliseconds(10_000.0 * (i - 1) / size);
        if (burst.Elapsed < due) await Task.Delay(due - burst.Elapsed);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync($"{Name(i)}/");
            await response.Content.ReadAsByteArrayAsync();
            statuses.Add(((int)response.StatusCode, watch.Elapsed.TotalMilliseconds));
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{Name(i)}: {ex.Message}");
            statuses.Add((0, watch.Elapsed.TotalMilliseconds));
        }
    }).ToList();
    await Task.WhenAll(sends);
    var burstSeconds = burst.Elapsed.TotalSeconds;
    await Task.Delay(500);
    await watching.CancelAsync();
    await watcher;
    var waits = await MetricAsync(http, "campuskonseling_db_connection_waits_total");
    var rssBurst = Rss(host);
    Stop(host);

    var burstMs = statuses.Select(s => s.Ms).Order().ToList();
    var fiveXx = statuses.Count(s => s.Status is >= 500 or 0);
    var line = $"| {size} | {rss0 / 1024.0:0} | {rssAll / 1024.0:0} | {(rssAll - rss0) / 1024.0 / size:0.00} | {live} | "
        + $"{P(afterRestart, 0.5)} / {P(afterRestart, 0.99)} / {afterRestart[0]:0} | {P(warm, 0.5)} / {P(warm, 0.99)} | "
        + $"{burstSeconds:0.0} s: {statuses.Count(s => s.Status == 200)} × 200, {fiveXx} × 5xx; {P(burstMs, 0.5)} / {P(burstMs, 0.99)} ms | {seen.Max()} | {waits} | {rssBurst / 1024.0:0} |";
    results.Add(line);
    Console.WriteLine(line);
}

Console.WriteLine();
Console.WriteLine("| campuses | RSS idle host MB | RSS with all live MB | MB per campus | live shells | first page after restart ms p50 / p99 / very first | first page on a warm host ms p50 / p99 | all within 10 s | most PG connections | waited for a connection | RSS after MB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results) Console.WriteLine(r);
await BenchHost.ResetAsync(server, hostDb, prefix);

string Name(int i) => $"k{i:0000}";

static string P(List<double> values, double q)
{
    var sorted = values.Order().ToList();
    return $"{BenchHost.Percentile(sorted, q):0}";
}

Task CopyCampusAsync(int i) => BenchHost.CopyCampusAsync(hostConn, prefix, "bench", Name(i));

async Task<(Process, HttpClient)> StartHostAsync()
{
    var process = BenchHost.Run("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{httpPort}"], env, wait: false);
    var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 2048 })
        { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(120) };
    await BenchHost.WaitAsync(async () => (await client.GetAsync("health")).StatusCode == HttpStatusCode.OK);
    await Task.Delay(1000);
    return (process, client);
}

static int FreePort()
{
    using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}

static void Stop(Process process)
{
    process.Kill(entireProcessTree: true);
    process.WaitForExit();
}

static async Task<double> TimeGetAsync(HttpClient http, string campus)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync($"{campus}/");
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{campus}: {(int)response.StatusCode}");
    return watch.Elapsed.TotalMilliseconds;
}

static long Rss(Process process)
{
    var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:"));
    return long.Parse(Regex.Match(line, @"\d+").Value); // kB
}

static async Task<string> LiveShellsAsync(HttpClient http) => await MetricAsync(http, "campuskonseling_shells_live");

static async Task<string> MetricAsync(HttpClient http, string name)
{
    var text = await http.GetStringAsync("metrics");
    var values = Regex.Matches(text, $@"^{name}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    return $"{values.Sum():0}";
}

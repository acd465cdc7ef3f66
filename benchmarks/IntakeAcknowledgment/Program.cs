using CampusKonseling.Benchmarks;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

// Issue 4's target: at 50 submissions per second, each acknowledgment e-mail is in the SMTP
// server within 5 s (99th percentile). This program starts the real host (Release build) on a
// scratch host database, sets up one campus from recipes/konseling-asesmen.recipe.json, starts
// maildev on loopback, sends form submissions at a fixed rate (each as a browser would: GET the
// form, POST it) and measures, per submission, from the POST to the mail's arrival at maildev.
//
// Usage (from the repository root, after `dotnet build -c Release`):
//   dotnet run -c Release --project benchmarks/IntakeAcknowledgment [-- rate seconds]
var rate = args.Length > 0 ? int.Parse(args[0]) : 50;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 20;
var root = BenchHost.FindRoot();
const string hostDb = "campuskonseling_bench";
const int smtpPort = 1125, webPort = 1180, httpPort = 5180;
var reported = 0;
var server = BenchHost.Server;
var (env, hostDll, campus) = await BenchHost.CreateCampusAsync(hostDb, "ckbench_", "konseling-asesmen.recipe.json", new()
{
    ["CampusKonseling__Smtp__Host"] = "127.0.0.1",
    ["CampusKonseling__Smtp__Port"] = smtpPort.ToString(),
    ["CampusKonseling__Forms__PostsPerMinute"] = "1000000",
});

using var maildev = BenchHost.Run(Path.Combine(root, ".tools/node_modules/.bin/maildev"),
    ["--smtp", smtpPort.ToString(), "--web", webPort.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"], [], wait: false);
using var host = BenchHost.Run("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{httpPort}"], env, wait: false);
using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
using var mail = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
await BenchHost.WaitAsync(async () => (await http.GetAsync("bench/formulir/permohonan-layanan")).StatusCode == HttpStatusCode.OK);
await BenchHost.WaitAsync(async () => (await mail.GetAsync("email")).IsSuccessStatusCode, "maildev");

// Warm up (JIT, pools, first SMTP connections), then measure.
await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SubmitAsync($"warm{i}@bench.test")));
await mail.DeleteAsync("email/all");

// maildev stamps mails by their Date header (whole seconds), so arrivals are observed by polling
// every 200 ms instead: a latency is over-stated by at most that much, never under-stated.
var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
using var stopPolling = new CancellationTokenSource();
var poller = Task.Run(async () =>
{
    while (!stopPolling.IsCancellationRequested)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            foreach (var m in (await mail.GetFromJsonAsync<JsonElement>("email")).EnumerateArray())
                seen.TryAdd(m.GetProperty("to")[0].GetProperty("address").GetString()!, now);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { } // a slow or failed poll is retried
        await Task.Delay(200);
    }
});
var sent = new List<(string Email, DateTimeOffset At)>();
var failures = 0;
var tasks = new List<Task>();
var clock = Stopwatch.StartNew();
for (var i = 0; i < rate * seconds; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
    var email = $"pemohon{i}@bench.test";
    tasks.Add(Task.Run(async () =>
    {
        var at = await SubmitAsync(email);
        lock (sent) { if (at is { } t) sent.Add((email, t)); else failures++; }
    }));
}
await Task.WhenAll(tasks);
var offered = clock.Elapsed;

var deadline = DateTime.UtcNow.AddSeconds(60);
while (DateTime.UtcNow < deadline && !sent.All(x => seen.ContainsKey(x.Email))) await Task.Delay(250);
await stopPolling.CancelAsync();
await poller;
var latencies = sent.Where(x => seen.ContainsKey(x.Email)).Select(x => (seen[x.Email] - x.At).TotalMilliseconds).Order().ToList();
double P(double q) => BenchHost.Percentile(latencies, q);
Console.WriteLine($"offered {rate}/s for {seconds} s ({rate * seconds} submissions in {offered.TotalSeconds:F1} s); accepted {sent.Count}, failed {failures}, acknowledged {latencies.Count}");
Console.WriteLine("| submission → acknowledgment in SMTP server | p50 ms | p95 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine($"| {rate}/s for {seconds} s | {P(0.50):F0} | {P(0.95):F0} | {P(0.99):F0} | {P(1.0):F0} |");

host.Kill(entireProcessTree: true);
maildev.Kill(entireProcessTree: true);
await BenchHost.ResetAsync(server, hostDb, "ckbench_");
return latencies.Count == sent.Count && P(0.99) <= 5000 ? 0 : 1;

async Task<DateTimeOffset?> SubmitAsync(string email)
{
    using var form = await http.GetAsync("bench/formulir/permohonan-layanan");
    var cookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    var html = await form.Content.ReadAsStringAsync();
    string Hidden(string name) => Regex.Match(html, $"name=\"{name}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{name}\"") is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : "";
    using var post = new HttpRequestMessage(HttpMethod.Post, "bench/formulir/permohonan-layanan")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"), ["KunciKirim"] = Hidden("KunciKirim"),
            ["f_nama"] = "Pemohon Uji", ["f_nim"] = "2021001234", ["f_prodi"] = "Psikologi", ["f_email"] = email, ["f_hp"] = "081234567890",
            ["f_jenis-layanan"] = "Konseling", ["f_uraian"] = "Saya ingin berkonsultasi tentang studi saya.", ["f_setuju"] = "setuju",
        }),
    };
    post.Headers.Add("Cookie", cookie);
    var at = DateTimeOffset.UtcNow;
    using var response = await http.SendAsync(post);
    if (response.StatusCode == HttpStatusCode.Redirect) return at;
    if (Interlocked.Increment(ref reported) == 1)
    {
        var body = await response.Content.ReadAsStringAsync();
        Console.Error.WriteLine($"a submission was refused: {(int)response.StatusCode} {string.Join(" / ", Regex.Matches(body, "(?:field-error|alert error)[^>]*>([^<]*)").Select(m => m.Groups[1].Value))}");
    }
    return null;
}

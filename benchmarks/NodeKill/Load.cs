using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CampusKonseling.Benchmarks.NodeKill;

/// <summary>One request as the load saw it: its kind, when it started (since the load began), how long it took, its status (0: no answer).</summary>
public sealed record Sample(string Kind, TimeSpan At, double Ms, int Status)
{
    /// <summary>A server error or no answer at all (refused, reset, timed out) through nginx.</summary>
    public bool Failed => Status == 0 || Status >= 500;
}

/// <summary>A public form submission the load sent, and what it was told.</summary>
public sealed class SubmissionRecord
{
    public required int No { get; init; }
    public required string Email { get; init; }
    public required string Nim { get; init; }
    public required TimeSpan At { get; init; }
    /// <summary>Steps staff will complete on this case (0: left alone, so its reminder and escalation fire).</summary>
    public required int Target { get; init; }
    public int Status { get; set; }
    /// <summary>The post was answered with the redirect to the "terkirim" page and its tracking code.</summary>
    public bool Acknowledged { get; set; }
    public string? Kode { get; set; }
    public Guid? CaseId { get; set; }
    public int Done { get; set; }
    public bool Finished { get; set; }
    public bool Busy { get; set; }
}

/// <summary>A step completion posted from the case page's step card; <see cref="Double"/>: one of two identical posts sent at once.</summary>
public sealed record Completion(Guid CaseId, string Step, TimeSpan At, int Status, bool Double);

/// <summary>
/// A bounded mixed load: a fixed number of virtual users, each doing one thing after another with a pause between: a public
/// form submission (GET the form, POST it), the staff case inbox, a case page, an archive search through the API, or completing
/// the current step of a submitted case from its case page (sometimes twice at once, a double click). Staff are signed in.
/// </summary>
public sealed class Load(Uri baseUri, string prefix, string staffEmail, string password, TimeSpan duration, Stopwatch clock)
{
    public const string FormKode = "permohonan-layanan";
    public ConcurrentQueue<Sample> Samples { get; } = new();
    public List<SubmissionRecord> Submissions { get; } = [];
    public ConcurrentQueue<Completion> Completions { get; } = new();
    private readonly ConcurrentDictionary<Guid, byte> _cases = new();
    private readonly HttpClient _public = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    private int _next;
    private int _inFlight, _postsInFlight, _submitsInFlight;

    /// <summary>Requests sent through nginx and not yet answered, and how many of them are POSTs.</summary>
    public (int All, int Posts) InFlight => (Volatile.Read(ref _inFlight), Volatile.Read(ref _postsInFlight));

    /// <summary>Form submissions (POST) sent and not yet answered.</summary>
    public int SubmissionsInFlight => Volatile.Read(ref _submitsInFlight);
    private static readonly Regex CaseLink = new("href=\"[^\"]*/admin/kasus/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"", RegexOptions.Compiled);
    private static readonly string[] Words = ["konseling", "karier", "rujukan", "cemas", "jadwal", "layanan", "asesmen", "psiko*", "\"layanan konseling\"", "skripsi"];

    private string FormPath => $"{prefix}/formulir/{FormKode}";

    /// <summary>Signs a staff member in (a client of their own, with their cookies).</summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync($"{prefix}/akun/masuk");
        using var response = await client.PostAsync($"{prefix}/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = staffEmail, ["Input.Password"] = password, ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {staffEmail} failed: {(int)response.StatusCode}");
        return client;
    }

    public async Task RunAsync(int users, int seed)
    {
        var staff = new List<HttpClient>();
        for (var i = 0; i < users; i++) staff.Add(await SignInAsync());
        await Task.WhenAll(Enumerable.Range(0, users).Select(i => Task.Run(() => UserAsync(staff[i], new Random(seed + i)))));
    }

    private async Task UserAsync(HttpClient staff, Random rng)
    {
        while (clock.Elapsed < duration)
        {
            var pick = rng.NextDouble();
            if (pick < 0.30) await SubmitAsync(rng);
            else if (pick < 0.40) await InboxAsync(staff);
            else if (pick < 0.55) await CasePageAsync(staff, rng);
            else if (pick < 0.70) await SearchAsync(staff, rng);
            else await CompleteAsync(staff, rng);
            await Task.Delay(TimeSpan.FromMilliseconds(500 + rng.Next(1000)));
        }
    }

    private async Task SubmitAsync(Random rng)
    {
        var no = Interlocked.Increment(ref _next);
        var form = await SendAsync("form", _public, new HttpRequestMessage(HttpMethod.Get, FormPath));
        if (form.Status != 200) return;
        var record = new SubmissionRecord
        {
            No = no, Email = $"pemohon{no}@nodekill.test", Nim = (1_000_000_000L + no).ToString(CultureInfo.InvariantCulture), At = clock.Elapsed,
            // Half the cases are left alone (their reminder and escalation fire); the others are worked 1 to 4 steps, at random moments.
            Target = rng.Next(2) == 0 ? 0 : 1 + rng.Next(4),
        };
        var post = new HttpRequestMessage(HttpMethod.Post, FormPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Hidden(form.Body, "__RequestVerificationToken"), ["KunciKirim"] = Hidden(form.Body, "KunciKirim"),
                ["f_nama"] = $"Pemohon Uji {no}", ["f_nim"] = record.Nim, ["f_prodi"] = "Psikologi", ["f_email"] = record.Email, ["f_hp"] = "081234567890",
                ["f_jenis-layanan"] = "Konseling", ["f_uraian"] = "Saya ingin berkonsultasi tentang studi saya.", ["f_setuju"] = "setuju",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", form.Cookies.Select(c => c.Split(';')[0])));
        var reply = await SendAsync("submit", _public, post);
        record.Status = reply.Status;
        if (reply.Status == 302 && Regex.Match(reply.Location ?? "", @"/terkirim\?kode=([A-Z0-9-]+)") is { Success: true } code)
        {
            record.Acknowledged = true;
            record.Kode = code.Groups[1].Value;
        }
        lock (Submissions) Submissions.Add(record);
    }

    private async Task InboxAsync(HttpClient staff)
    {
        var page = await SendAsync("inbox", staff, new HttpRequestMessage(HttpMethod.Get, $"{prefix}/admin/kasus"));
        foreach (Match m in CaseLink.Matches(page.Body)) _cases.TryAdd(Guid.Parse(m.Groups[1].Value), 0);
    }

    private async Task CasePageAsync(HttpClient staff, Random rng)
    {
        var known = _cases.Keys.ToList();
        if (known.Count == 0)
        {
            await InboxAsync(staff);
            return;
        }
        await SendAsync("case", staff, new HttpRequestMessage(HttpMethod.Get, $"{prefix}/admin/kasus/{known[rng.Next(known.Count)]}"));
    }

    private Task SearchAsync(HttpClient staff, Random rng) =>
        SendAsync("search", staff, new HttpRequestMessage(HttpMethod.Get, $"{prefix}/api/v1/arsip?q={Uri.EscapeDataString(Words[rng.Next(Words.Length)])}&pageSize=20"));

    /// <summary>
    /// As a staff member works a case: finds it in the inbox by the student's NIM, opens the case page, and completes the first step card
    /// they may complete that asks for no other work (a decision takes its last choice); one time in ten the completion is posted twice at once.
    /// </summary>
    private async Task CompleteAsync(HttpClient staff, Random rng)
    {
        SubmissionRecord? record;
        lock (Submissions)
        {
            var open = Submissions.Where(s => s is { Acknowledged: true, Finished: false, Busy: false } && s.Done < s.Target).ToList();
            record = open.Count == 0 ? null : open[rng.Next(open.Count)];
            if (record is not null) record.Busy = true;
        }
        if (record is null)
        {
            await InboxAsync(staff);
            return;
        }
        try
        {
            if (record.CaseId is null)
            {
                var found = await SendAsync("inbox", staff, new HttpRequestMessage(HttpMethod.Get, $"{prefix}/admin/kasus?Semua=true&Cari={record.Nim}"));
                if (CaseLink.Match(found.Body) is not { Success: true } link) return;
                record.CaseId = Guid.Parse(link.Groups[1].Value);
                _cases.TryAdd(record.CaseId.Value, 0);
            }
            var page = await SendAsync("case", staff, new HttpRequestMessage(HttpMethod.Get, $"{prefix}/admin/kasus/{record.CaseId}"));
            if (page.Status != 200) return;
            if (StepForm.Find(page.Body) is not { } step)
            {
                record.Finished = true;
                return;
            }
            var twice = rng.Next(10) == 0;
            HttpRequestMessage Post()
            {
                var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", step.Token), new("Langkah", step.Langkah), new("CatatanLangkah", "") };
                if (step.Pilihan is { } p) fields.Add(new("Pilihan", p));
                fields.AddRange(step.Kelengkapan.Select(k => new KeyValuePair<string, string>("Dikonfirmasi", k)));
                return new HttpRequestMessage(HttpMethod.Post, step.Action) { Content = new FormUrlEncodedContent(fields) };
            }
            var at = clock.Elapsed;
            Reply[] replies = twice ? await Task.WhenAll(SendAsync("complete", staff, Post()), SendAsync("complete", staff, Post())) : [await SendAsync("complete", staff, Post())];
            foreach (var r in replies) Completions.Enqueue(new Completion(record.CaseId.Value, step.Langkah, at, r.Status, twice));
            if (replies.Any(r => r.Status == 302)) record.Done++;
        }
        finally
        {
            lock (Submissions) record.Busy = false;
        }
    }

    private sealed record Reply(int Status, string Body, string? Location, IReadOnlyList<string> Cookies);

    private async Task<Reply> SendAsync(string kind, HttpClient client, HttpRequestMessage request)
    {
        var at = clock.Elapsed;
        var watch = Stopwatch.StartNew();
        var post = request.Method == HttpMethod.Post;
        Interlocked.Increment(ref _inFlight);
        if (post) Interlocked.Increment(ref _postsInFlight);
        if (kind == "submit") Interlocked.Increment(ref _submitsInFlight);
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Samples.Enqueue(new Sample(kind, at, watch.Elapsed.TotalMilliseconds, (int)response.StatusCode));
            return new Reply((int)response.StatusCode, body, response.Headers.Location?.OriginalString,
                response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : []);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Samples.Enqueue(new Sample(kind, at, watch.Elapsed.TotalMilliseconds, 0));
            return new Reply(0, "", null, []);
        }
        finally
        {
            request.Dispose();
            Interlocked.Decrement(ref _inFlight);
            if (post) Interlocked.Decrement(ref _postsInFlight);
            if (kind == "submit") Interlocked.Decrement(ref _submitsInFlight);
        }
    }

    /// <summary>The value of a hidden input, whichever order its attributes come in; "" when there is none.</summary>
    public static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : "";
}

/// <summary>The completion form of a step card on the case page (src/Modules/Cases/Pages/Cases/Admin/Kasus/Ringkasan/_Langkah.cshtml).</summary>
public sealed record StepForm(string Langkah, string Action, string Token, string? Pilihan, IReadOnlyList<string> Kelengkapan)
{
    private static readonly Regex Card = new("<article class=\"step-card[^\"]*\\bmay\\b[^\"]*\" data-langkah=\"([^\"]*)\"(.*?)</article>", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex Form = new("(<form[^>]*class=\"step-complete\"[^>]*>)(.*?)</form>", RegexOptions.Singleline | RegexOptions.Compiled);

    /// <summary>The first step card the reader may complete that asks for no other work first (a letter, an agreement, a referral).</summary>
    public static StepForm? Find(string html)
    {
        foreach (Match card in Card.Matches(html))
        {
            var body = card.Groups[2].Value;
            if (body.Contains("class=\"step-actions\"", StringComparison.Ordinal)) continue;
            if (Form.Match(body) is not { Success: true } form) continue;
            var action = Regex.Match(form.Groups[1].Value, "action=\"([^\"]*)\"");
            if (!action.Success) continue;
            var inner = form.Groups[2].Value;
            var choices = Regex.Matches(inner, "name=\"Pilihan\" value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            var items = Regex.Matches(inner, "name=\"Dikonfirmasi\" value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            return new StepForm(WebUtility.HtmlDecode(card.Groups[1].Value), WebUtility.HtmlDecode(action.Groups[1].Value),
                Load.Hidden(inner, "__RequestVerificationToken"), choices.Count == 0 ? null : choices[^1], items);
        }
        return null;
    }
}

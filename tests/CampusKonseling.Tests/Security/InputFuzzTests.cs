using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// A property-based fuzz of what strangers and campus systems can send: the public form, the forms API, the
/// directory API, the status page and the sign-in page. Over 10,000 generated requests, sent concurrently to
/// the real server: none may be answered with a 5xx, and markup sent in the public form is shown to staff as
/// text. A failure names the CsCheck seed; CK_FUZZ_SEED replays it, CK_FUZZ_ITER changes the count.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InputFuzzTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private InputCampus _c = null!;
    private TestClient _visitor = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _c = await InputCampus.CreateAsync(platform, "fuzz");
        _visitor = platform.Client();
        var (_, page) = await _visitor.PageAsync(_c.FormPath);
        _token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    public Task DisposeAsync()
    {
        _visitor.Dispose();
        _c.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>One generated request: where it goes and what it carries.</summary>
    public sealed record Probe(string Target, HttpMethod Method, string Path, string? Body, string? ContentType, bool Page)
    {
        public override string ToString() => $"{Method} {Path} [{ContentType}] {(Body is null ? "" : Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body)}";
    }

    private static readonly string[] FormFields = ["f_nama", "f_nim", "f_email", "f_hp", "f_saluran", "f_uraian", "f_setuju", "KunciKirim", "situs_web"];

    private Gen<Probe> PublicForm => Gen.Frequency(
        // Every field nasty.
        (60, NastyInput.Text.Array[FormFields.Length].Select(values => Form(FormFields.Select((f, i) => (f, values[i]))))),
        // A request that passes every check except what the name and the story say: it is stored and shown to staff.
        (10, Gen.Select(NastyInput.Text, NastyInput.Text, (nama, uraian) => Form(IntakeTests.Valid($"fuzz.{Guid.NewGuid():N}@mahasiswa.test")
            .Select(kv => (kv.Key, kv.Key switch { "f_nama" => "Fuzz " + nama, "f_uraian" => "Cerita panjang: " + uraian, _ => kv.Value }))))),
        // Not a form at all.
        (30, Gen.Byte.Array[0, 2_000].Select(bytes => new Probe("formulir", HttpMethod.Post, _c.FormPath, Encoding.Latin1.GetString(bytes) + "&__RequestVerificationToken=" + Uri.EscapeDataString(_token), "application/x-www-form-urlencoded", true))));

    private Probe Form(IEnumerable<(string Name, string Value)> fields) =>
        new("formulir", HttpMethod.Post, _c.FormPath, Encode(fields), "application/x-www-form-urlencoded", true);

    private string Encode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Append(("__RequestVerificationToken", _token)).Select(f => NastyInput.FormEncode(f.Item1) + "=" + NastyInput.FormEncode(f.Item2)));

    private Gen<Probe> FormsApi => Gen.OneOf(
        NastyInput.Broken(NastyInput.JsonObject("nama", "nim", "email", "hp", "saluran", "uraian", "setuju", "surat")
            .Select(answers => $"{{\"jawaban\":{answers},\"kunciKirim\":\"{Guid.NewGuid()}\"}}"))
            .Select(json => new Probe("api-formulir", HttpMethod.Post, $"formulir/{InputCampus.FormCode}/kiriman", json, "application/json", false)),
        NastyInput.Broken(NastyInput.JsonObject("jawaban", "kunciKirim"))
            .Select(json => new Probe("api-formulir", HttpMethod.Post, $"formulir/{InputCampus.FormCode}/kiriman", json, "application/json", false)),
        NastyInput.Text.Select(kode => new Probe("api-formulir", HttpMethod.Get, $"formulir/{NastyInput.FormEncode(Short(kode))}", null, null, false)));

    /// <summary>Text that goes into a URL is kept short enough for the URL to exist (HttpClient refuses 64 KB ones).</summary>
    private static string Short(string text) => text.Length > 300 ? text[..300] : text;

    private static readonly string[] StudentFields = ["nim", "nama", "prodi", "semester", "status", "email", "telepon"];

    private Gen<Probe> DirectoryApi => Gen.OneOf(
        Gen.Select(NastyInput.Text, NastyInput.Broken(NastyInput.JsonObject(StudentFields)),
            (nim, json) => new Probe("api-mahasiswa", HttpMethod.Put, $"mahasiswa/{NastyInput.FormEncode(nim.Length == 0 ? "x" : Short(nim))}", json, "application/json", false)),
        NastyInput.Broken(NastyInput.JsonObject(StudentFields).Array[0, 5].Select(items => $"{{\"mahasiswa\":[{string.Join(",", items)}]}}"))
            .Select(json => new Probe("api-mahasiswa", HttpMethod.Post, "mahasiswa", json, "application/json", false)),
        Gen.Select(NastyInput.Text, NastyInput.Text, Gen.OneOf("1", "0", "-5", "100000000000", "x", "1e3"),
            (q, status, page) => new Probe("api-mahasiswa", HttpMethod.Get, $"mahasiswa?q={NastyInput.FormEncode(Short(q))}&status={NastyInput.FormEncode(Short(status))}&page={page}&pageSize={page}", null, null, false)));

    private Gen<Probe> StatusPage => Gen.Select(NastyInput.Text, NastyInput.Text, NastyInput.Text, Gen.OneOf("Minta", "Periksa", "Keluar", "Berkas", "Tidak-ada"),
        (kode, email, otp, handler) => new Probe("status", HttpMethod.Post, $"{_c.Campus.Prefix}/formulir/status?handler={handler}",
            Encode([("KodePelacakan", kode), ("Email", email), ("KodeSekali", otp)]), "application/x-www-form-urlencoded", true));

    private Gen<Probe> SignIn => Gen.Select(NastyInput.Text, NastyInput.Text, Gen.Bool,
        (email, password, remember) => new Probe("masuk", HttpMethod.Post, $"{_c.Campus.Prefix}/akun/masuk",
            Encode([("Input.Email", email), ("Input.Password", password), ("Input.RememberMe", remember ? "true" : "x")]), "application/x-www-form-urlencoded", true));

    private Gen<Probe> Any => Gen.Frequency((30, PublicForm), (25, FormsApi), (25, DirectoryApi), (12, StatusPage), (8, SignIn));

    [Fact]
    public async Task Ten_thousand_nasty_requests_get_no_server_error_and_markup_reaches_staff_as_text()
    {
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("CK_FUZZ_ITER"), out var n) ? n : 10_000;
        var statuses = new ConcurrentDictionary<(string, int), int>();
        var clock = Stopwatch.StartNew();
        await Any.SampleAsync(async probe =>
        {
            using var response = await _visitor.Http.SendAsync(Request(probe));
            statuses.AddOrUpdate((probe.Target, (int)response.StatusCode), 1, (_, c) => c + 1);
            if ((int)response.StatusCode >= 500)
                throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} for {probe}: {await response.Content.ReadAsStringAsync()}");
        }, seed: Environment.GetEnvironmentVariable("CK_FUZZ_SEED"), iter: iterations, threads: 8, print: p => p.ToString());
        output.WriteLine($"{iterations} requests in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var ((target, status), count) in statuses.OrderBy(s => s.Key)) output.WriteLine($"{target} {status}: {count}");
        Assert.True(statuses.Values.Sum() >= iterations, "every generated request was sent");

        // One request known to be stored last, so the staff lists (newest first) always have markup to show.
        var marked = IntakeTests.Valid($"markup.{Guid.NewGuid():N}@mahasiswa.test");
        marked["f_nama"] = NastyInput.Markup[1];
        using (var stored = await _visitor.Http.SendAsync(Request(Form(marked.Select(kv => (kv.Key, kv.Value))))))
            Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);

        foreach (var path in new[] { "admin/formulir", "admin/kasus" })
        {
            var (status, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/{path}");
            Assert.Equal(HttpStatusCode.OK, status);
            AssertNoInjectedMarkup(page, path);
        }
        var (_, list) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/formulir");
        Assert.Contains(NastyInput.Markup[1], list.Body!.TextContent); // shown as the text that was typed
    }

    private static void AssertNoInjectedMarkup(IDocument page, string path)
    {
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("fuzz"));
        Assert.Empty(page.QuerySelectorAll("iframe"));
        foreach (var element in page.All)
            foreach (var attribute in element.Attributes)
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Value.Contains("javascript:alert", StringComparison.OrdinalIgnoreCase),
                    $"{path}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> came from a request");
    }

    private HttpRequestMessage Request(Probe probe)
    {
        var request = new HttpRequestMessage(probe.Method, probe.Page ? probe.Path : $"{_c.Campus.Prefix}/api/v1/{probe.Path}");
        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(probe.ContentType == "application/json" ? Utf8Lenient(probe.Body) : Encoding.Latin1.GetBytes(probe.Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
        }
        if (!probe.Page) request.Headers.Add("X-Api-Key", _c.Key);
        // Each request from its own address, as many strangers would: the per-address limits are not what is tested here.
        request.Headers.Add("X-Forwarded-For", $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return request;
    }

    /// <summary>UTF-8, but a raw lone surrogate (only in deliberately broken JSON) goes out as its invalid three bytes.</summary>
    private static byte[] Utf8Lenient(string text) => new UTF8Encoding(false, false).GetBytes(text);
}

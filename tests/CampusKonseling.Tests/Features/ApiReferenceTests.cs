using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Security;
using CampusKonseling.Tests.Direktori;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Features;

/// <summary>
/// Each campus's API reference: every operation of every campus's OpenAPI document says which permission its key
/// needs (or that it is public) — checked against what the campus enforces, not against the endpoint code — and the
/// reference page loads that campus's own document, under its prefix and its host name, from files the app serves.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferenceTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string HostName = "api.konseling.kampus.test";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dictionary<string, TestTenant>? _shared;
    private Dictionary<string, TestTenant> _byRecipe = null!;
    private IEnumerable<TestTenant> Campuses => _byRecipe.Values;

    public async Task InitializeAsync()
    {
        // One campus per recipe, made once for the class: each recipe enables its own modules, so each document lists
        // other endpoints. The tests only read them, apart from keys and roles that no other test looks at.
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var campuses = new Dictionary<string, TestTenant>();
                foreach (var file in Directory.GetFiles(RepoPaths.Recipes, "*.recipe.json").Order())
                {
                    var recipe = Path.GetFileName(file).Replace(".recipe.json", "");
                    campuses[recipe] = await platform.CreateTenantAsync(file, "ref", recipe == "unipma" ? [HostName] : null);
                }
                _shared = campuses;
            }
            _byRecipe = _shared;
        }
        finally { Gate.Release(); }
        Assert.Equal(5, _byRecipe.Count);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An operation of a document: its method, path and the operation object.</summary>
    private sealed record Operation(string Method, string Path, JsonElement Body)
    {
        public string Id => Body.GetProperty("operationId").GetString()!;
        public string Description => Body.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";

        /// <summary>The permissions of the API-key requirement, or null when the operation has no requirement.</summary>
        public IReadOnlyList<string>? KeyPermissions => Body.TryGetProperty("security", out var s) && s.GetArrayLength() > 0
            ? s.EnumerateArray().Single().GetProperty("KunciApi").EnumerateArray().Select(p => p.GetString()!).ToList()
            : null;

        /// <summary>The path with each parameter filled in so the route matches (a uuid where the route wants one).</summary>
        public string Url => Regex.Replace(Path, @"\{(\w+)\}", m =>
            Body.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == m.Groups[1].Value)
                .GetProperty("schema").TryGetProperty("format", out var f) && f.GetString() == "uuid" ? Guid.Empty.ToString() : "x1");
    }

    private static IEnumerable<Operation> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where method.Name is "get" or "post" or "put" or "patch" or "delete"
        select new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value);

    private async Task<JsonElement> DocumentAsync(TestClient client, TestTenant campus, string language)
    {
        using var response = await client.GetAsync($"{campus.Prefix}/openapi/v1.json", language: language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpStatusCode> CallAsync(TestClient client, TestTenant campus, Operation operation, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), $"{campus.Prefix}{operation.Url}");
        if (operation.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<IReadOnlyDictionary<string, Permission>> PermissionsAsync(TestTenant campus) =>
        await new SopHarness(platform, campus).InCampusAsync(s =>
            Task.FromResult<IReadOnlyDictionary<string, Permission>>(s.GetRequiredService<IPermissionService>().EnabledPermissions().ToDictionary(p => p.Name)));

    [Fact]
    public async Task Every_operation_of_every_campus_names_the_permission_its_key_needs_or_says_it_is_public()
    {
        using var client = platform.Client();
        int guarded = 0, open = 0;
        foreach (var campus in Campuses)
        {
            var indonesian = await DocumentAsync(client, campus, "id-ID");
            var english = Operations(await DocumentAsync(client, campus, "en")).ToDictionary(o => o.Id);
            var scheme = indonesian.GetProperty("components").GetProperty("securitySchemes").GetProperty("KunciApi");
            Assert.Equal(("apiKey", "header", "X-Api-Key"),
                (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
            Assert.False(indonesian.TryGetProperty("security", out _), "no document-wide default: an operation without a requirement is public");
            var permissions = await PermissionsAsync(campus);

            var operations = Operations(indonesian).ToList();
            Assert.NotEmpty(operations);
            foreach (var operation in operations)
            {
                var where = $"{campus.Name} {operation.Method} {operation.Path}";
                // What the campus enforces: a caller with neither key nor cookie is turned away, or not.
                var status = await CallAsync(client, campus, operation, key: null);
                if (status == HttpStatusCode.Unauthorized)
                {
                    guarded++;
                    var required = operation.KeyPermissions;
                    Assert.True(required is not null, $"{where}: needs a key but has no security requirement");
                    Assert.NotEmpty(required);
                    Assert.Contains("Izin yang diperlukan: ", operation.Description);
                    Assert.Contains("Required permission: ", english[operation.Id].Description);
                    foreach (var name in required)
                    {
                        Assert.True(permissions.TryGetValue(name, out var permission), $"{where}: {name} is not a permission of this campus");
                        Assert.Contains($"`{name}` ({permission.DisplayName.Id})", operation.Description);
                        Assert.Contains($"`{name}` ({permission.DisplayName.En})", english[operation.Id].Description);
                    }
                    var responses = operation.Body.GetProperty("responses");
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{where}: 401 and 403 undocumented");
                }
                else
                {
                    open++;
                    Assert.True(operation.KeyPermissions is null, $"{where} answers {status} without a key but asks for one");
                    Assert.Contains("Publik: tanpa kunci API.", operation.Description);
                    Assert.Contains("Public: no API key needed.", english[operation.Id].Description);
                    Assert.DoesNotContain("Izin yang diperlukan", operation.Description);
                }
            }
        }
        Assert.True(guarded > 10 && open > 10, $"{guarded} guarded, {open} public operations");
    }

    [Fact]
    public async Task The_permission_an_operation_names_is_the_one_its_key_needs()
    {
        // The campus with the most modules: its document has the most guarded operations.
        var campus = _byRecipe["unipma"];
        using var admin = platform.Client();
        await admin.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        using var keys = new DirectoryCampus(campus, new SopHarness(platform, campus), admin);
        var withoutPermissions = await keys.NewKeyAsync("Tanpa Izin");
        var operations = Operations(await DocumentAsync(admin, campus, "id-ID")).Where(o => o.KeyPermissions is { Count: > 0 }).ToList();
        Assert.NotEmpty(operations);

        var keyFor = new Dictionary<string, string>();
        foreach (var operation in operations)
        {
            var needs = string.Join(",", operation.KeyPermissions!.Order());
            if (!keyFor.TryGetValue(needs, out var key))
                keyFor[needs] = key = await keys.NewKeyAsync($"Hanya {needs}", [.. operation.KeyPermissions!]);
            var where = $"{operation.Method} {operation.Path} (needs {needs})";
            Assert.True(await CallAsync(admin, campus, operation, withoutPermissions) == HttpStatusCode.Forbidden, $"{where}: a key without it got in");
            var status = await CallAsync(admin, campus, operation, key);
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{where}: a key holding just that was refused ({status})");
        }
    }

    [Fact]
    public async Task Each_campus_reference_page_loads_its_own_document_under_its_prefix_and_its_host_name()
    {
        using var client = platform.Client();
        var campus = _byRecipe["unipma"];
        var other = _byRecipe["unpam"];
        foreach (var (path, host, document) in new[]
                 {
                     ($"{campus.Prefix}/api/referensi", (string?)null, $"/{campus.Prefix}/openapi/v1.json"),
                     ("api/referensi", HostName, "/openapi/v1.json"),
                 })
        {
            using var response = await client.GetAsync(path, host);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            var page = await TestClient.ParseAsync(response);
            Assert.Equal(document, page.QuerySelector("#swagger-ui")!.GetAttribute("data-dokumen"));
            Assert.DoesNotContain(other.Prefix, page.Source.Text);
            // Every script is the app's own file with this response's nonce; none is inline, none comes from elsewhere.
            var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
            var scripts = page.QuerySelectorAll("script").ToList();
            var assets = host is null ? $"/{campus.Prefix}/_api-referensi/" : "/_api-referensi/";
            Assert.Contains(scripts, s => s.GetAttribute("src") == assets + "swagger-ui/swagger-ui-bundle.js");
            Assert.Contains(scripts, s => s.GetAttribute("src") == assets + "api-referensi.js");
            Assert.All(scripts, s =>
            {
                Assert.Equal(nonce, s.GetAttribute("nonce"));
                Assert.StartsWith(host is null ? $"/{campus.Prefix}/_" : "/_", s.GetAttribute("src"));
                Assert.Equal("", s.TextContent.Trim());
            });
        }

        // By host name, the document's server is the campus's host: "Try it" requests go to that campus.
        using var byHost = await client.GetAsync("openapi/v1.json", HostName);
        var json = await byHost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CampusKonseling API — Universitas PGRI Madiun", json.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal($"http://{HostName}", json.GetProperty("servers")[0].GetProperty("url").GetString()!.TrimEnd('/'));
        var byPrefix = await client.Http.GetFromJsonAsync<JsonElement>($"{campus.Prefix}/openapi/v1.json");
        Assert.Equal(new Uri(platform.BaseAddress, campus.Prefix).ToString(), byPrefix.GetProperty("servers")[0].GetProperty("url").GetString()!.TrimEnd('/'));
    }

    [Fact]
    public async Task The_addresses_people_guess_lead_to_the_reference_and_the_keys_page_links_it()
    {
        var campus = _byRecipe["unipma"];
        using var client = platform.Client();
        foreach (var guess in new[] { "swagger", "scalar", "docs", "api" })
        {
            using var response = await client.GetAsync($"{campus.Prefix}/{guess}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/{campus.Prefix}/api/referensi", response.Headers.Location!.ToString());
        }
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        var (_, keys) = await client.PageAsync($"{campus.Prefix}/admin/kunci-api");
        Assert.Equal($"/{campus.Prefix}/api/referensi", keys.QuerySelector("a.referensi-api")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Swagger_ui_comes_from_the_app_with_its_icons_as_files_and_its_licence()
    {
        var campus = _byRecipe["unipma"];
        using var client = platform.Client();
        var root = $"{campus.Prefix}/_api-referensi/swagger-ui";
        using (var bundle = await client.GetAsync($"{root}/swagger-ui-bundle.js"))
        {
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            Assert.Equal("text/javascript", bundle.Content.Headers.ContentType!.MediaType);
            Assert.Contains("SwaggerUIBundle", await bundle.Content.ReadAsStringAsync());
        }
        using (var gzip = new HttpRequestMessage(HttpMethod.Get, $"{root}/swagger-ui-bundle.js"))
        {
            gzip.Headers.AcceptEncoding.ParseAdd("gzip");
            using var compressed = await client.Http.SendAsync(gzip);
            Assert.Equal("gzip", compressed.Content.Headers.ContentEncoding.Single());
            var etag = compressed.Headers.ETag!;
            using var again = new HttpRequestMessage(HttpMethod.Get, $"{root}/swagger-ui-bundle.js");
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await client.Http.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        // The platform's img-src has no data:, so the stylesheet's icons are files of their own.
        var css = await client.Http.GetStringAsync($"{root}/swagger-ui.css");
        Assert.DoesNotContain("data:", css);
        var images = Regex.Matches(css, @"url\((gambar/[^)]+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(images.Count >= 10, $"{images.Count} icons");
        foreach (var image in images)
        {
            using var response = await client.GetAsync($"{root}/{image}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType);
        }
        var svg = images.First(i => i.EndsWith(".svg"));
        Assert.StartsWith("<svg", await client.Http.GetStringAsync($"{root}/{svg}"));

        Assert.Contains("Apache License", await client.Http.GetStringAsync($"{root}/LICENSE"));
        // Swashbuckle's own index page would run without the nonce: it is not served.
        using var index = await client.GetAsync($"{root}/index.html");
        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
    }
}

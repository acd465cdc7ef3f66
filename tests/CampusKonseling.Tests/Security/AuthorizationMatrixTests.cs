using System.Net;
using System.Security.Claims;
using CampusKonseling.Security;
using CampusKonseling.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Role × route, generated from the endpoint table: for every route guarded by permissions, a user whose role
/// holds every other permission of the campus is refused, and a user whose role holds exactly those
/// permissions gets in (a 2xx on GET routes that need no route values). Strangers are asked to sign in
/// on every route that is not public.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private MatrixCampus _campus = null!;

    /// <summary>Query values a GET route needs before it can answer 2xx.</summary>
    private static readonly Dictionary<string, string> Query = new() { ["/api/v1/program/angka"] = "?dari=2026-01-01&sampai=2026-02-01" };

    /// <summary>GET routes whose values cannot be sampled in a fresh campus: their holder is checked only for getting past authorization.</summary>
    private static readonly Dictionary<string, string> NeedsData = new()
    {
        ["/admin/laporan/baku-mutu/aktivasi"] = "needs a SOP code and step with activations (sop, langkah); 404 without them",
    };

    public async Task InitializeAsync() => _campus = await MatrixCampus.CreateAsync(platform, "authz");

    public Task DisposeAsync() => Task.CompletedTask;

    private string Prefix => "/" + _campus.Campus.Prefix;

    [Fact]
    public async Task A_permission_route_refuses_whoever_lacks_it_and_opens_to_whoever_holds_exactly_it()
    {
        var all = (await _campus.PermissionsAsync()).Select(p => p.Name).ToHashSet();
        var table = await RouteTable.ReadAsync(platform.Services);
        var guarded = table.Routes.Where(r => r.Permissions.Count > 0).ToList();
        var elsewhere = guarded.Where(r => !r.Permissions.All(all.Contains)).ToList();
        var routes = guarded.Except(elsewhere).ToList();
        Assert.NotEmpty(routes);

        var users = new Dictionary<string, (TestClient Holder, TestClient Lacker)>();
        foreach (var (set, i) in routes.Select(r => r.Permissions).DistinctBy(p => string.Join('+', p)).Select((s, i) => (s, i)))
        {
            var holder = await _campus.UserWithAsync($"Matriks {i} punya", set);
            var lacker = await _campus.UserWithAsync($"Matriks {i} tanpa", all.Except(set));
            users[string.Join('+', set)] = (await _campus.SignInAsync(holder), await _campus.SignInAsync(lacker));
        }

        var failures = new List<string>();
        var probes = 0;
        foreach (var route in routes)
        {
            var (holder, lacker) = users[string.Join('+', route.Permissions)];
            using var refused = await SendAsync(lacker, route.Method, Prefix + route.Path);
            probes++;
            if (!IsRefusal(refused)) failures.Add($"{route} [lacks {string.Join('+', route.Permissions)}]: {(int)refused.StatusCode} {refused.Headers.Location}");

            var open = route.Method == "GET" && route.PathWithoutOptional is not null && !NeedsData.ContainsKey(route.Pattern);
            using var held = await SendAsync(holder, route.Method, Prefix + (open ? route.PathWithoutOptional + Query.GetValueOrDefault(route.Pattern) : route.Path));
            probes++;
            if (Probe.Is5xx(held.StatusCode) || IsRefusal(held) || (open && !Probe.Is2xx(held.StatusCode)))
                failures.Add($"{route} [holds exactly {string.Join('+', route.Permissions)}]: {(int)held.StatusCode} {held.Headers.Location}");
        }
        foreach (var (holder, lacker) in users.Values) { holder.Dispose(); lacker.Dispose(); }

        output.WriteLine($"{probes} probes over {routes.Count} guarded routes, {users.Count} permission sets");
        foreach (var r in elsewhere) output.WriteLine($"skipped: {r}: needs {string.Join('+', r.Permissions)}, which no campus declares (host-only feature)");
        foreach (var (pattern, reason) in NeedsData) output.WriteLine($"holder checked for authorization only: {pattern}: {reason}");
        foreach (var skipped in table.Skipped) output.WriteLine("skipped: " + skipped);
        Assert.True(failures.Count == 0, $"{failures.Count} wrong answers:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_route_that_is_not_public_asks_a_stranger_to_sign_in()
    {
        var table = await RouteTable.ReadAsync(platform.Services);
        // The staff area is never public by omission.
        var openStaff = table.Routes.Where(r => r.Pattern.StartsWith("/admin", StringComparison.Ordinal) && !r.RequiresAuthentication).ToList();
        Assert.True(openStaff.Count == 0, "staff routes without authorization: " + string.Join(", ", openStaff));

        var campusPermissions = (await _campus.PermissionsAsync()).Select(p => p.Name).ToHashSet();
        using var probe = new Probe(platform.BaseAddress);
        var failures = new List<string>();
        foreach (var route in table.Routes.Where(r => r.RequiresAuthentication))
        {
            var (status, location) = await probe.SendAsync(route.Method, Prefix + route.Path);
            var asked = route.IsApi ? status == HttpStatusCode.Unauthorized : Probe.IsRedirect(status) && location?.Contains("/akun/masuk") == true;
            // Routes of host-only features do not exist in a campus at all.
            var hostOnly = route.Permissions.Any(p => !campusPermissions.Contains(p)) && status == HttpStatusCode.NotFound;
            if (!asked && !hostOnly) failures.Add($"{route}: {(int)status} {location}");
        }
        output.WriteLine($"{probe.Count} anonymous probes; public API routes: "
                         + string.Join(", ", table.Routes.Where(r => r.IsApi && !r.RequiresAuthentication)));
        Assert.True(failures.Count == 0, $"{failures.Count} routes answer a stranger:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Confidential_permissions_are_not_implied_by_the_Administrator_role()
    {
        var (explicitOnes, granted) = await _campus.InCampusAsync(async sp =>
        {
            var service = sp.GetRequiredService<IPermissionService>();
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, StandardRoles.Administrator)], "Test"));
            var explicitOnes = service.EnabledPermissions().Where(p => p.Explicit).Select(p => p.Name).ToList();
            var granted = new List<string>();
            foreach (var p in service.EnabledPermissions())
                if (await service.HasPermissionAsync(admin, p.Name)) granted.Add(p.Name);
            return (explicitOnes, granted);
        });
        Assert.Contains("ReadCounselingNotes", explicitOnes);
        Assert.Contains("BreakGlass", explicitOnes);
        Assert.Contains("ManageUsers", granted);
        Assert.Empty(explicitOnes.Intersect(granted));

        // Over HTTP too: the campus admin is refused on every route that needs a confidential permission.
        var table = await RouteTable.ReadAsync(platform.Services);
        using var admin = await _campus.SignInAsync(_campus.Campus.AdminEmail, _campus.Campus.AdminPassword);
        foreach (var route in table.Routes.Where(r => r.Permissions.Any(explicitOnes.Contains)))
            Assert.True(IsRefusal(await SendAsync(admin, route.Method, Prefix + route.Path)), $"{route} opens to the campus administrator");
    }

    private static async Task<HttpResponseMessage> SendAsync(TestClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await client.Http.SendAsync(request);
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (Probe.IsRedirect(response.StatusCode) && response.Headers.Location?.OriginalString is { } to && (to.Contains("/akun/akses-ditolak") || to.Contains("/akun/masuk")));
}

using System.Net;
using CampusKonseling.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Campus A's credentials (its admin's sign-in cookie, an API key with every grantable permission) sent to
/// campus B, by B's URL prefix and by B's host name, on every API route and every parameterless staff page
/// of the endpoint table: they must buy nothing a stranger does not get. A refusal is 401/403/404 or
/// B's sign-in page, or whatever a stranger gets; a 2xx is allowed only where a stranger gets one too.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TenantIsolationMatrixTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private MatrixCampus _a = null!, _b = null!;
    private readonly string _bHost = $"mxb{Guid.NewGuid():N}"[..12] + ".kampus.test";

    public async Task InitializeAsync()
    {
        _a = await MatrixCampus.CreateAsync(platform, "mxa");
        _b = await MatrixCampus.CreateAsync(platform, "mxb", [_bHost]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Campus_A_credentials_open_nothing_of_campus_B()
    {
        var permissions = (await _a.PermissionsAsync()).Where(p => !p.Explicit).Select(p => p.Name).ToList();
        await _a.UserWithAsync("Integrasi Matriks", permissions);
        var apiKey = await _a.ApiKeyAsync("Integrasi Matriks");
        using var admin = await _a.SignInAsync(_a.Campus.AdminEmail, _a.Campus.AdminPassword);
        var ownCookie = _a.CookieHeader(admin);
        Assert.NotEmpty(ownCookie);
        // The thief replays the cookie under its own name and under the name B's cookie has.
        var copied = ownCookie + "; " + ownCookie.Replace("." + _a.Campus.Name.ToLowerInvariant() + "=", "." + _b.Campus.Name.ToLowerInvariant() + "=")
                                                 .Replace("." + _a.Campus.Name.ToLowerInvariant() + "C", "." + _b.Campus.Name.ToLowerInvariant() + "C");

        // Control: B's host name really reaches B (its admin signs in there), so the probes below test B and not a fallback.
        using (var bAdmin = platform.Client())
            await bAdmin.SignInAsync("", _b.Campus.AdminEmail, _b.Campus.AdminPassword, host: _bHost);

        var table = await RouteTable.ReadAsync(platform.Services);
        var routes = table.Routes.Where(r => r.IsApi || (r.IsPage && r.Pattern.StartsWith("/admin", StringComparison.Ordinal) && r.PathWithoutOptional is not null)).ToList();
        Assert.Contains(routes, r => r.IsApi);
        Assert.Contains(routes, r => r.IsPage);

        using var probe = new Probe(platform.BaseAddress);
        var failures = new List<string>();
        int ownKeyOpened = 0, ownCookieOpened = 0, keyOpenedPages = 0;
        foreach (var route in routes)
        {
            var path = route.IsPage ? route.PathWithoutOptional! : route.Path;
            var atB = $"/{_b.Campus.Prefix}{path}";
            // Control: the same credentials do open campus A, so a refusal at B is the tenant boundary, not a broken key.
            if (route.Method == "GET")
            {
                if (Probe.Is2xx((await probe.SendAsync("GET", $"/{_a.Campus.Prefix}{path}", apiKey: apiKey)).Status))
                {
                    ownKeyOpened++;
                    // Staff pages only: the API reference (/api/referensi) is a public page, open to a stranger too.
                    if (route.IsPage && route.Pattern.StartsWith("/admin", StringComparison.Ordinal)) keyOpenedPages++;
                }
                if (Probe.Is2xx((await probe.SendAsync("GET", $"/{_a.Campus.Prefix}{path}", cookie: ownCookie)).Status)) ownCookieOpened++;
            }
            var strangerByPrefix = await probe.SendAsync(route.Method, atB);
            var strangerByHost = await probe.SendAsync(route.Method, path, host: _bHost);
            Check(failures, route, "stranger, prefix", strangerByPrefix, strangerByPrefix);
            Check(failures, route, "stranger, host name", strangerByHost, strangerByHost);
            Check(failures, route, "A's API key, prefix", await probe.SendAsync(route.Method, atB, apiKey: apiKey), strangerByPrefix);
            Check(failures, route, "A's API key, host name", await probe.SendAsync(route.Method, path, apiKey: apiKey, host: _bHost), strangerByHost);
            Check(failures, route, "A's cookie, prefix", await probe.SendAsync(route.Method, atB, cookie: copied), strangerByPrefix);
            Check(failures, route, "A's cookie, host name", await probe.SendAsync(route.Method, path, cookie: copied, host: _bHost), strangerByHost);
        }

        output.WriteLine($"{probe.Count} probes over {routes.Count} routes ({routes.Count(r => r.IsApi)} API, {routes.Count(r => r.IsPage)} staff pages); "
                         + $"controls at A: API key opened {ownKeyOpened} ({keyOpenedPages} of them staff pages), cookie opened {ownCookieOpened}");
        foreach (var skipped in table.Skipped) output.WriteLine("skipped: " + skipped);
        Assert.True(ownKeyOpened > 0 && ownCookieOpened > 0, "A's own credentials opened nothing at A, so refusals at B prove nothing");
        Assert.True(failures.Count == 0, $"{failures.Count} leaks:\n" + string.Join("\n", failures));
        // Finding 10: a key is for the API; at its own campus it opens no staff page either.
        Assert.Equal(0, keyOpenedPages);
    }

    private static void Check(List<string> failures, ProbeRoute route, string who, (HttpStatusCode Status, string? Location) got, (HttpStatusCode Status, string? Location) stranger)
    {
        if (Probe.Is5xx(got.Status)) failures.Add($"{route} [{who}]: {(int)got.Status}");
        else if (Probe.Is2xx(got.Status) && !Probe.Is2xx(stranger.Status)) failures.Add($"{route} [{who}]: {(int)got.Status} where a stranger gets {(int)stranger.Status}");
        else if (Probe.IsRedirect(got.Status) && got.Location?.Contains("/akun/masuk") != true && got.Location != stranger.Location)
            failures.Add($"{route} [{who}]: redirect to {got.Location} (signed in at B?)");
        else if (!Probe.Is2xx(got.Status) && !Probe.IsRedirect(got.Status) && got.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                 && got.Status != stranger.Status)
            failures.Add($"{route} [{who}]: {(int)got.Status} where a stranger gets {(int)stranger.Status} (got past sign-in?)");
    }
}

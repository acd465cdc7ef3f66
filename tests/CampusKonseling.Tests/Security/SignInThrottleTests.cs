using System.Diagnostics;
using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 7: wrong passwords from strangers lock strangers out, not the owner on the device where they
/// signed in before (a signed device cookie); many failures from one source stop that source; and an
/// unknown address costs the same time as an existing one, so sign-in cannot probe for accounts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInThrottleTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;

    public async Task InitializeAsync() => _campus = await platform.CreateTenantAsync("unipma", "throttle");
    public Task DisposeAsync() => Task.CompletedTask;

    private string LoginPath => $"{_campus.Prefix}/akun/masuk";

    private async Task<HttpResponseMessage> TryAsync(TestClient client, string email, string password) =>
        await client.SubmitAsync(LoginPath, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await TestClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")?.TextContent ?? "";

    [Fact]
    public async Task A_stranger_with_wrong_passwords_cannot_lock_the_owner_out_of_their_own_device()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var owner = platform.From(SecurityAccounts.RandomIp());
        await owner.SignInAsync(_campus.Prefix, email, SecurityAccounts.Password);
        var (_, dashboard) = await owner.PageAsync($"{_campus.Prefix}/admin");
        using (await owner.SubmitAsync(dashboard, "form[action$='/akun/keluar']", new Dictionary<string, string>(), $"{_campus.Prefix}/admin")) { }

        using var stranger = platform.From(SecurityAccounts.RandomIp());
        for (var i = 0; i < 5; i++)
            using (await TryAsync(stranger, email, $"tebakan{i}salah")) { }
        // The stranger is locked out for this account, even with the right password ...
        using (var locked = await TryAsync(stranger, email, SecurityAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
            Assert.Contains("dikunci sementara", await ErrorAsync(locked));
        }
        // ... and the owner, on the device they signed in with before, is not.
        using var back = await TryAsync(owner, email, SecurityAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task Five_failures_answer_the_same_for_an_unknown_address_as_for_an_account()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@kampus.test";
        var answers = new Dictionary<string, string>();
        foreach (var address in new[] { email, unknown })
        {
            using var prober = platform.From(SecurityAccounts.RandomIp());
            for (var i = 0; i < 4; i++)
                using (await TryAsync(prober, address, $"tebakan{i}salah")) { }
            using var fifth = await TryAsync(prober, address, "tebakan5salah");
            answers[address] = await ErrorAsync(fifth);
        }
        Assert.Contains("dikunci sementara", answers[email]);
        Assert.Equal(answers[email], answers[unknown]);
    }

    [Fact]
    public async Task Many_failures_from_one_source_stop_that_source_and_no_other()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var noisy = platform.From(SecurityAccounts.RandomIp());
        for (var i = 0; i < 30; i++)
            using (await TryAsync(noisy, $"tidak.ada.{i}.{Guid.NewGuid():N}@kampus.test", "TebakanSalah1")) { }
        using (var refused = await TryAsync(noisy, email, SecurityAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Terlalu banyak percobaan masuk", await ErrorAsync(refused));
        }
        using var other = platform.From(SecurityAccounts.RandomIp());
        using var accepted = await TryAsync(other, email, SecurityAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_takes_about_as_long_as_an_existing_one()
    {
        // One try per existing account, so that no account reaches its lockout (a locked account's answer
        // is a timing question of its own) and each measures a wrong password against a real hash.
        var accounts = new List<string>();
        for (var i = 0; i < 16; i++) accounts.Add(await SecurityAccounts.CreateStaffAsync(platform, _campus));
        var existing = new List<double>();
        var unknown = new List<double>();
        foreach (var email in accounts)
        {
            // Each attempt from its own address, so the per-source limit stays out of the measurement.
            existing.Add(await TimeAsync(email));
            unknown.Add(await TimeAsync($"tidak.terdaftar.{Guid.NewGuid():N}@kampus.test"));
        }
        var (a, b) = (Median(existing.Skip(1)), Median(unknown.Skip(1)));
        // Today an unknown address answers many times faster (no password hash is computed); a wide margin.
        Assert.True(b > a / 2.5 && b < a * 2.5, $"median sign-in: existing {a:F1} ms, unknown {b:F1} ms");
    }

    private async Task<double> TimeAsync(string email)
    {
        using var client = platform.From(SecurityAccounts.RandomIp());
        var (_, page) = await client.PageAsync(LoginPath);
        var watch = Stopwatch.StartNew();
        using var response = await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "BukanSandinya9" }, LoginPath);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}

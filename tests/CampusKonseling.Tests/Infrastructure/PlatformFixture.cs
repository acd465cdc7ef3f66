using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// One running platform (real Kestrel, real PostgreSQL) shared by the integration tests.
/// Every test class makes its own fresh campuses from recipes: the tenant is the isolation unit.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string HostAdminEmail = "host-admin@campuskonseling.test";
    public const string HostAdminPassword = "HostAdmin123";
    public const string TenantAdminPassword = "Rahasia123";
    /// <summary>A Prometheus server elsewhere presents this token for /metrics (tests/Metrics).</summary>
    public const string MetricsToken = "uji-token-prometheus-0123456789";
    /// <summary>A network allowed to read /metrics without a token (tests/Metrics): TEST-NET-2.</summary>
    public const string MetricsNetwork = "198.51.100.0/24";
    private int _counter;

    /// <summary>
    /// The same file for every run on this machine, because the test host database keeps its wrapped keys
    /// between runs; in the temporary folder, not the user's home where a real key ring would be.
    /// </summary>
    public static readonly string KeyRingCertificatePath = Path.Combine(Path.GetTempPath(), "campuskonseling-tests", "keyring", "keyring.pfx");

    private TestHost _host = null!;
    private CampusTemplates _templates = null!;
    public WebApplicationFactory<Program> Factory => _host.Factory;
    public Uri BaseAddress => _host.BaseAddress;
    public IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        // Environment variables reach the host's configuration before Program registers services.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", TestDatabase.ConnectionString);
        Environment.SetEnvironmentVariable("CampusKonseling__AllowDemoUsers", "true");
        Environment.SetEnvironmentVariable("CampusKonseling__PublicUrl", "http://localhost");
        Environment.SetEnvironmentVariable("CampusKonseling__TenantDatabasePrefix", TestDatabase.TenantDatabasePrefix);
        // Dozens of campuses share the test server's 100 connections.
        Environment.SetEnvironmentVariable("CampusKonseling__TenantMaxPoolSize", "5");
        // Test classes make a campus every second or so; their pools must empty quickly.
        Environment.SetEnvironmentVariable("CampusKonseling__TenantConnectionIdleSeconds", "3");
        // The key-ring certificate (made at first start) that wraps every stored data-protection key.
        Environment.SetEnvironmentVariable("CampusKonseling__KeyRing__CertificatePath", KeyRingCertificatePath);
        Environment.SetEnvironmentVariable("CampusKonseling__HostAdmin__Email", HostAdminEmail);
        Environment.SetEnvironmentVariable("CampusKonseling__Metrics__BearerToken", MetricsToken);
        Environment.SetEnvironmentVariable("CampusKonseling__Metrics__AllowedNetworks__0", MetricsNetwork);
        Environment.SetEnvironmentVariable("CampusKonseling__HostAdmin__Password", HostAdminPassword);
        if (Environment.GetEnvironmentVariable("CK_SMTP_HOST") is { Length: > 0 } smtp)
        {
            Environment.SetEnvironmentVariable("CampusKonseling__Smtp__Host", smtp);
            Environment.SetEnvironmentVariable("CampusKonseling__Smtp__Port", TestSmtp.PlainPort.ToString());
            Environment.SetEnvironmentVariable("CampusKonseling__Smtp__From", "CampusKonseling <noreply@campuskonseling.test>");
        }
        // The TLS test server's self-signed certificate, trusted the way an operator trusts an internal relay's CA.
        if (Environment.GetEnvironmentVariable("CK_SMTP_TLS_CA") is { Length: > 0 } ca)
            Environment.SetEnvironmentVariable("CampusKonseling__Smtp__TrustedCertificatesFile", ca);

        // The second database server ./test.sh starts, known to every host and CLI run of the suite as "kedua".
        if (Environment.GetEnvironmentVariable("CK_TEST_SECOND_SERVER") is { Length: > 0 } second)
            Environment.SetEnvironmentVariable("CampusKonseling__Servers__kedua__ConnectionString", second);

        _host = TestHost.Start();
        await RemoveLeftoversAsync();
        _templates = new CampusTemplates(this);
    }

    /// <summary>Campuses left by an earlier, interrupted run are deleted with their databases.</summary>
    private async Task RemoveLeftoversAsync()
    {
        var registry = Services.GetRequiredService<ITenantRegistry>();
        var manager = Services.GetRequiredService<TenantManager>();
        foreach (var tenant in await registry.ListAsync())
            if (!tenant.IsDefault) await manager.DeleteAsync(tenant.Name);
        var keep = (await registry.ListAsync()).Select(t => t.DatabaseName).ToHashSet();
        foreach (var db in await TestDatabase.DatabasesAsync(TestDatabase.TenantDatabasePrefix))
            if (!keep.Contains(db)) await TestDatabase.DropAsync(db);
    }

    public string NewTenantName(string hint) => $"{hint}{Interlocked.Increment(ref _counter)}{Guid.NewGuid().ToString("N")[..5]}";

    /// <summary>
    /// Creates and sets up a campus from a recipe in recipes/ (or any recipe file). The first campus of a
    /// recipe is set up the real way (migrations, recipe, administrator) and its database kept as a
    /// PostgreSQL template; later campuses of the same recipe are copies of it with their own name and
    /// administrator, which is what setting up would have given them (see <see cref="CampusTemplates"/>).
    /// </summary>
    public async Task<TestTenant> CreateTenantAsync(string recipe, string hint = "t", IReadOnlyList<string>? hostNames = null)
    {
        var file = File.Exists(recipe) ? recipe : Path.Combine(RepoPaths.Recipes, recipe + ".recipe.json");
        if (!CampusTemplates.Enabled) return await SetUpAsync(file, hint, hostNames);
        var template = await _templates.GetAsync(file);
        return await _templates.CopyAsync(template, NewTenantName(hint), hostNames ?? []);
    }

    /// <summary>Sets up a campus the way the host admin's "create campus" does.</summary>
    internal async Task<TestTenant> SetUpAsync(string file, string hint, IReadOnlyList<string>? hostNames)
    {
        var name = NewTenantName(hint);
        var manager = Services.GetRequiredService<TenantManager>();
        var errors = await manager.CreateAsync(new NewTenant(name, $"Kampus {name}", name, hostNames ?? [], file));
        Assert.Empty(errors);
        var admin = new SetupAdmin(AdminEmailOf(name), TenantAdminPassword);
        var result = await manager.SetupAsync(name, file, admin);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return new TestTenant(name, name, admin.Email, admin.Password, TestDatabase.TenantDatabasePrefix + name);
    }

    internal static string AdminEmailOf(string campus) => $"admin@{campus}.test";

    public TestClient Client() => new(BaseAddress);

    /// <summary>
    /// The campus's database stops (or resumes) accepting writes; reads still work, as in a failover.
    /// The platform's own sessions are ended so the setting applies (not the server's autovacuum workers).
    /// </summary>
    public async Task SetReadOnlyAsync(TestTenant campus, bool readOnly)
    {
        await TestDatabase.ExecuteAsync("postgres", $"ALTER DATABASE \"{campus.Database}\" {(readOnly ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only")}");
        await TestDatabase.ExecuteAsync("postgres", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{campus.Database}' AND backend_type = 'client backend' AND usename = current_user");
        await Services.GetRequiredService<CampusKonseling.Shell.IShellHost>().ReloadAsync(campus.Name);
    }

    /// <summary>Switches a feature on or off for a campus, as its admin would on the Fitur page.</summary>
    public async Task SetFeatureAsync(TestTenant tenant, string feature, bool enabled)
    {
        var shell = (await Services.GetRequiredService<IShellHost>().GetShellAsync(tenant.Name))!;
        var features = Services.GetRequiredService<IFeatureManager>();
        var change = enabled ? await features.EnableAsync(shell, [feature]) : await features.DisableAsync(shell, feature);
        Assert.True(change.Succeeded, change.Error);
    }

    public async Task DisposeAsync()
    {
        await _templates.DropAsync();
        await _host.DisposeAsync();
    }
}

public sealed record TestTenant(string Name, string Prefix, string AdminEmail, string AdminPassword, string Database);

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

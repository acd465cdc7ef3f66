using CampusKonseling.Host.Features;
using CampusKonseling.Host.Shells;
using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CampusKonseling.Tests.Features;

/// <summary>Dependency rules of features, on a catalog of made-up modules (no database needed).</summary>
public sealed class FeatureCatalogTests
{
    private sealed class NoStartup : IFeatureStartup { public void ConfigureServices(FeatureBuilder feature) { } }

    private sealed class Module(string id, params FeatureManifest[] features) : IModuleManifest
    {
        public string Id => id;
        public LocalizedText Name => new(id, id);
        public string Category => "Uji";
        public IReadOnlyList<FeatureManifest> Features => features;
    }

    private static FeatureManifest F(string id, params string[] deps) =>
        FeatureManifest.Of<NoStartup>(id, new(id, id), new("", ""), deps);

    private static readonly FeatureCatalog Catalog = new(
    [
        new Module("Kasus", F("Kasus", "Sop")),
        new Module("Sop", F("Sop")),
        new Module("Arsip", F("Arsip", "Kasus")),
        new Module("Inti", FeatureManifest.Of<NoStartup>("Inti", new("Inti", "Core"), new("", ""), availability: FeatureAvailability.Always)),
        new Module("Host", FeatureManifest.Of<NoStartup>("HostSaja", new("Host saja", "Host only"), new("", ""), availability: FeatureAvailability.DefaultTenantOnly)),
    ]);

    [Fact]
    public void Dependencies_come_first_and_transitively()
    {
        Assert.Equal(["Sop", "Kasus", "Arsip"], Catalog.WithDependencies("Arsip"));
    }

    [Fact]
    public void Dependents_are_the_enabled_features_that_need_a_feature()
    {
        Assert.Equal(["Kasus", "Arsip"], Catalog.Dependents("Sop", ["Sop", "Kasus", "Arsip"]));
        Assert.Empty(Catalog.Dependents("Arsip", ["Sop", "Kasus", "Arsip"]));
    }

    [Fact]
    public void Unknown_dependencies_and_cycles_are_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => new FeatureCatalog([new Module("X", F("X", "TidakAda"))]));
        var cyclic = new FeatureCatalog([new Module("A", F("A", "B")), new Module("B", F("B", "A"))]);
        Assert.Throws<InvalidOperationException>(() => cyclic.WithDependencies("A"));
    }

    [Fact]
    public async Task Enabling_a_feature_enables_what_it_needs()
    {
        var (manager, registry, shell) = await ManagerAsync(["Inti"]);
        var change = await manager.EnableAsync(shell, ["Arsip"]);
        Assert.True(change.Succeeded);
        Assert.Equal(["Sop", "Kasus", "Arsip"], change.Changed);
        Assert.Equal(["Inti", "Sop", "Kasus", "Arsip"], registry.Saved!.EnabledFeatures);
    }

    [Fact]
    public async Task Disabling_is_refused_while_an_enabled_feature_needs_it()
    {
        var (manager, registry, shell) = await ManagerAsync(["Inti", "Sop", "Kasus"]);
        var change = await manager.DisableAsync(shell, "Sop");
        Assert.False(change.Succeeded);
        Assert.Equal("Fitur 'Sop' tidak dapat dinonaktifkan karena fitur aktif berikut membutuhkannya: 'Kasus'. Nonaktifkan fitur tersebut terlebih dahulu.", change.Error);
        Assert.Null(registry.Saved);

        var core = await manager.DisableAsync(shell, "Inti");
        Assert.False(core.Succeeded);
        Assert.Contains("fitur inti", core.Error);
    }

    [Fact]
    public async Task Host_only_features_are_refused_for_a_campus()
    {
        var (manager, _, shell) = await ManagerAsync(["Inti"]);
        var change = await manager.EnableAsync(shell, ["HostSaja"]);
        Assert.False(change.Succeeded);
        Assert.Equal("Fitur 'Host saja' hanya tersedia untuk administrasi host.", change.Error);
    }

    private static Task<(FeatureManager, RecordingRegistry, ShellContext)> ManagerAsync(string[] enabled)
    {
        var tenant = new TenantInfo { Name = "uji", DisplayName = "Uji", DatabaseName = "uji", EnabledFeatures = enabled, State = TenantState.Running };
        var registry = new RecordingRegistry(tenant);
        var shells = new NoShells();
        var migrator = new FeatureMigrator([], NullLogger<FeatureMigrator>.Instance);
        var manager = new FeatureManager(Catalog, registry, shells, migrator, new ShellAudit(shells), NullLogger<FeatureManager>.Instance);
        var shell = new ShellContext(tenant, new CampusKonseling.Data.CampusConnections(NpgsqlDataSource.Create("Host=unused"), new CampusKonseling.Data.ConnectionBudget("uji", 1, TimeSpan.FromSeconds(1))));
        return Task.FromResult((manager, registry, shell));
    }

    private sealed class RecordingRegistry(TenantInfo tenant) : ITenantRegistry
    {
        public TenantInfo? Saved { get; private set; }
        public Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<TenantInfo>>([Saved ?? tenant]);
        public Task<IReadOnlyList<TenantInfo>> ListFreshAsync(TimeSpan maxAge, CancellationToken ct = default) => ListAsync(ct);
        public Task<TenantInfo?> FindAsync(string name, CancellationToken ct = default) => Task.FromResult<TenantInfo?>(Saved ?? tenant);
        public Task SaveAsync(TenantInfo t, CancellationToken ct = default) { Saved = t; return Task.CompletedTask; }
        public Task RemoveAsync(string name, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class NoShells : IShellHost
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddScoped<CurrentShell>().BuildServiceProvider();
        public Task<ShellContext?> GetShellAsync(string tenantName, CancellationToken ct = default) => Task.FromResult<ShellContext?>(null);
        public ShellFailure? GetFailure(string tenantName) => null;
        public Task<bool> VisitAsync(string tenantName, Func<ShellContext, Task> work, CancellationToken ct = default) => Task.FromResult(false);
        public Task ReloadAsync(string tenantName) => Task.CompletedTask;
        public AsyncServiceScope CreateScope(ShellContext shell) => _services.CreateAsyncScope();
    }
}

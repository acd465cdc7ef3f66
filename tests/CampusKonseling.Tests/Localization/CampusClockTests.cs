using System.Globalization;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CampusKonseling.Tests.Localization;

/// <summary>The campus's clock and the public links on their own: zone names, formats, the fallbacks of the link base, keyed texts.</summary>
public sealed class CampusClockTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 0, 31, 0, TimeSpan.Zero);
    private static CampusTime Clock(string zone) => new(TimeZoneInfo.FindSystemTimeZoneById(zone), At);

    [Theory]
    [InlineData("Asia/Jakarta", "02/12/2026 07.31 WIB")]
    [InlineData("Asia/Pontianak", "02/12/2026 07.31 WIB")]
    [InlineData("Asia/Makassar", "02/12/2026 08.31 WITA")]
    [InlineData("Asia/Jayapura", "02/12/2026 09.31 WIT")]
    [InlineData("Asia/Tokyo", "02/12/2026 09.31 UTC+9")]
    [InlineData("Asia/Kolkata", "02/12/2026 06.01 UTC+5:30")]
    [InlineData("America/Caracas", "01/12/2026 20.31 UTC-4")]
    [InlineData("UTC", "02/12/2026 00.31 UTC")]
    public void A_time_is_shown_in_the_campus_zone_with_its_name(string zone, string expected) =>
        Assert.Equal(expected, Clock(zone).Format(At, culture: CultureInfo.GetCultureInfo("id-ID")));

    [Fact]
    public void Dates_carry_no_zone_name_and_a_missing_time_is_a_dash()
    {
        var wita = Clock("Asia/Makassar");
        Assert.Equal("02/12/2026", wita.Date(At, culture: CultureInfo.InvariantCulture));
        Assert.Equal("-", wita.Format((DateTimeOffset?)null));
        Assert.Equal(new DateOnly(2026, 12, 2), wita.Today);
        Assert.Equal(At, wita.FromLocal(new DateTime(2026, 12, 2, 8, 31, 0)));
    }

    private static PublicLinks Links(TenantInfo tenant, string? publicUrl, string environment, params string[] listening)
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment(environment))
            .AddSingleton<IServer>(new Server(listening))
            .BuildServiceProvider();
        var current = new CurrentShell { Shell = new ShellContext(tenant, new CampusKonseling.Data.CampusConnections(NpgsqlDataSource.Create("Host=localhost"), new CampusKonseling.Data.ConnectionBudget("uji", 1, TimeSpan.FromSeconds(1)))) };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CampusKonseling:PublicUrl"] = publicUrl }).Build();
        return new PublicLinks(current, configuration, services);
    }

    private static TenantInfo Campus(params string[] hosts) => new() { Name = "unpam", DisplayName = "UNPAM", UrlPrefix = "unpam", HostNames = hosts, DatabaseName = "ck_unpam" };

    [Fact]
    public void Links_are_on_the_campus_host_name_else_under_the_public_url_with_the_prefix()
    {
        Assert.Equal("https://konseling.unpam.ac.id/formulir/status", Links(Campus("konseling.unpam.ac.id"), "https://konseling.example.ac.id", "Production").Absolute("/formulir/status"));
        Assert.Equal("https://konseling.example.ac.id/unpam/akun/atur-ulang-sandi?baru=true", Links(Campus(), "https://konseling.example.ac.id/", "Production").Absolute("akun/atur-ulang-sandi?baru=true"));
        Assert.Equal("https://meet.example.org/abc", Links(Campus(), "https://konseling.example.ac.id", "Production").Absolute("https://meet.example.org/abc"));
    }

    [Fact]
    public void Without_a_public_url_a_developers_server_links_to_its_own_address_and_production_to_nothing()
    {
        Assert.Equal("http://localhost:5080/unpam/formulir/status", Links(Campus(), null, "Development", "http://0.0.0.0:5080", "https://[::]:5443").Absolute("formulir/status"));
        Assert.Equal("http://127.0.0.1:5000/unpam/notifikasi", Links(Campus(), null, "Demo", "http://127.0.0.1:5000").Absolute("notifikasi"));
        Assert.Null(Links(Campus(), null, "Production", "http://127.0.0.1:5000").Absolute("formulir/status"));
    }

    [Fact]
    public void A_keyed_text_is_rendered_in_each_readers_language_with_its_times_in_campus_time()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var renderer = new KeyedTextRenderer(factory);
        var text = KeyedText.Of<CampusKonseling.Sop.S>("Jatuh tempo {0}.", At).Then(KeyedText.Plain("Kasus K-001"), " — ");
        var wita = Clock("Asia/Makassar");
        Assert.Equal("Jatuh tempo 02/12/2026 08.31 WITA. — Kasus K-001", renderer.Render(text, wita, CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("Due 02/12/2026 08:31 WITA. — Kasus K-001", renderer.Render(text, wita, CultureInfo.GetCultureInfo("en")));
        // Words not to translate stay as written, braces and all; a key of an unknown module reads as written.
        Assert.Equal("Rapat {penting}", renderer.Render(KeyedText.Plain("Rapat {penting}"), wita, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Kunci lama", renderer.Render(new KeyedText { Sumber = "System.String, System.Private.CoreLib", Kunci = "Kunci lama" }, wita, CultureInfo.GetCultureInfo("en")));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CampusKonseling.Host";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class Server(string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = Collection(addresses);

        private static FeatureCollection Collection(string[] addresses)
        {
            var features = new FeatureCollection();
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}

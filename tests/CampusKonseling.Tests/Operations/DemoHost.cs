using System.Diagnostics;
using CampusKonseling.Tests.Infrastructure;
using Npgsql;

namespace CampusKonseling.Tests.Operations;

/// <summary>
/// The platform as <c>./run.sh</c> starts it (Demo environment, one demo campus per recipe, demo sign-ins), as its own
/// process on a host database and campus databases of its own, with a small demo semester so the suite stays quick.
/// </summary>
public sealed class DemoHost : IAsyncLifetime
{
    public const int Kasus = 12, Mahasiswa = 60, Program = 3;
    public const string Prefix = "ckdemo_";
    private const string HostDatabase = Prefix + "host";
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(300), Fill = TimeSpan.FromSeconds(900);

    private HostProcess? _host;
    public Uri Address { get; } = new($"http://127.0.0.1:{TestHost.FreePort()}/");
    /// <summary>How long each start took until /health answered, and until the demo semesters were written.</summary>
    public List<(TimeSpan Health, TimeSpan Filled)> Starts { get; } = [];
    public string Output => _host?.Output ?? "";

    public static string Campus(string name) => (Prefix + name).Replace('-', '_');

    public async Task InitializeAsync()
    {
        await DropAsync();
        await StartAsync();
    }

    /// <summary>Starts the host and waits until every demo campus has its semester (the log says so).</summary>
    public async Task StartAsync()
    {
        var watch = Stopwatch.StartNew();
        _host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo", ["DOTNET_ENVIRONMENT"] = null,
            ["CampusKonseling__DemoTenants"] = "true", ["CampusKonseling__AllowDemoUsers"] = "true",
            ["ConnectionStrings__Default"] = TestDatabase.ConnectionStringFor(HostDatabase),
            ["CampusKonseling__TenantDatabasePrefix"] = Prefix,
            ["CampusKonseling__RecipesPath"] = RepoPaths.Recipes,
            ["CampusKonseling__PublicUrl"] = Address.ToString().TrimEnd('/'),
            ["CampusKonseling__HostAdmin__Password"] = "Admin12345",
            // A second process on the test server: it must not fire the suite's timers.
            ["CampusKonseling__RunScheduler"] = "false",
            ["CampusKonseling__DemoSemester__Kasus"] = Kasus.ToString(),
            ["CampusKonseling__DemoSemester__Mahasiswa"] = Mahasiswa.ToString(),
            ["CampusKonseling__DemoSemester__Program"] = Program.ToString(),
            ["CampusKonseling__DemoSemester__Paralel"] = "3",
        }, "--urls", Address.ToString().TrimEnd('/'));
        await _host.WaitForHealthAsync(Address, Start);
        var health = watch.Elapsed;
        var until = DateTime.UtcNow + Fill;
        while (!Output.Contains("Demo semesters: every demo campus has its semester"))
        {
            Assert.True(DateTime.UtcNow < until, $"The demo semesters were not written within {Fill.TotalSeconds} s.\n{Summary(Output)}");
            await Task.Delay(500);
        }
        Starts.Add((health, watch.Elapsed));
    }

    /// <summary>
    /// What says where a fill stands, first (the runner shows a failure's first lines): the semester's own lines, warnings
    /// and errors with the line after each, then the output's last lines.
    /// </summary>
    private static string Summary(string output)
    {
        var lines = output.Split('\n');
        var notable = lines.Select((l, i) => (l, i))
            .Where(x => x.l.Contains("Demo semester") || x.l.StartsWith("warn:") || x.l.StartsWith("fail:") || x.l.StartsWith("crit:"))
            .SelectMany(x => lines.Skip(x.i).Take(x.l.Contains("Demo semester") ? 1 : 3));
        return "Notable lines:\n" + string.Join('\n', notable) + "\nLast lines:\n" + string.Join('\n', lines.TakeLast(30));
    }

    public async Task RestartAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await StartAsync();
    }

    public async Task<T> ScalarAsync<T>(string campus, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(Campus(campus)));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await DropAsync();
    }

    private static async Task DropAsync()
    {
        foreach (var db in await TestDatabase.DatabasesAsync(Prefix)) await TestDatabase.DropAsync(db);
    }
}

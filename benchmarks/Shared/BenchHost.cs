using System.Diagnostics;
using Npgsql;

namespace CampusKonseling.Benchmarks;

/// <summary>What the benchmarks that run the real host share: finding the repository, starting processes, waiting, and scratch databases.</summary>
public static class BenchHost
{
    /// <summary>The PostgreSQL server the benchmarks use: CK_BENCH_CONNECTION, or the local one run.sh and test.sh set up.</summary>
    public static string Server => Environment.GetEnvironmentVariable("CK_BENCH_CONNECTION")
        ?? "Host=localhost;Port=5432;Username=campuskonseling;Password=campuskonseling;Database=postgres";

    /// <summary>
    /// Drops what an earlier run left, then sets up one campus named "bench" (prefix "bench") from a recipe with the
    /// host's CLI, on a scratch host database and tenant prefix. Returns the environment to start the host with,
    /// the host's DLL, and the campus database's connection string.
    /// </summary>
    /// <param name="keep">Keep the host and campus databases a former run left (CK_BENCH_KEEP=1), when they are there.</param>
    public static async Task<(Dictionary<string, string> Env, string HostDll, string Campus)> CreateCampusAsync(
        string hostDb, string tenantPrefix, string recipe, Dictionary<string, string>? extra = null, bool keep = false)
    {
        var root = FindRoot();
        var campus = new NpgsqlConnectionStringBuilder(Server) { Database = tenantPrefix + "bench", CommandTimeout = 600 }.ConnectionString;
        var kept = keep && await ExistsAsync(tenantPrefix + "bench");
        if (!kept) await ResetAsync(Server, hostDb, tenantPrefix);
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(Server) { Database = hostDb }.ConnectionString,
            ["CampusKonseling__TenantDatabasePrefix"] = tenantPrefix,
            ["CampusKonseling__AllowDemoUsers"] = "true",
            ["CampusKonseling__HostAdmin__Password"] = "Bench12345",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? []) env[k] = v;
        var hostDll = Path.Combine(root, "src/Host/bin/Release/net10.0/CampusKonseling.Host.dll");
        if (!kept) Run("dotnet", [hostDll, "tenants", "create", "--name", "bench", "--prefix", "bench", "--recipe", Path.Combine(root, "recipes", recipe)], env, wait: true);
        return (env, hostDll, campus);
    }

    /// <summary>
    /// One more campus <paramref name="name"/>: a copy of campus <paramref name="template"/>'s database (<c>CREATE DATABASE …
    /// TEMPLATE</c>, a fraction of a second) and of its campus-list row, running; its prefix is its name.
    /// </summary>
    public static async Task CopyCampusAsync(string hostConnection, string tenantPrefix, string template, string name)
    {
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{tenantPrefix}{name}\" TEMPLATE \"{tenantPrefix}{template}\"", conn) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        }
        await using var registry = new NpgsqlConnection(hostConnection);
        await registry.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO host.tenants (name, display_name, url_prefix, host_names, state, enabled_features, recipe_name, database_name, connection_string, created_utc, updated_utc, server)
            SELECT $1, 'Kampus ' || $1, $1, '{}', 'Running', enabled_features, recipe_name, $2, NULL, now(), now(), NULL FROM host.tenants WHERE name = $3
            """, registry) { Parameters = { new() { Value = name }, new() { Value = tenantPrefix + name }, new() { Value = template } } };
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(string database)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", c) { Parameters = { new() { Value = database } } };
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0–1) of an ascending list; NaN when it is empty.</summary>
    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampusKonseling.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository.");
    }

    public static Process Run(string file, string[] arguments, Dictionary<string, string> env, bool wait)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        // A benchmark host is a demo: it may make its own key-ring certificate (docs/security.md, "The key ring").
        if (!start.Environment.ContainsKey("CampusKonseling__KeyRing__CreateIfMissing")) start.Environment["CampusKonseling__KeyRing__CreateIfMissing"] = "true";
        // It runs in the Demo environment too: anywhere else the host refuses demo sign-ins (src/Host/Setup/DemoSettings.cs).
        if (!start.Environment.ContainsKey("ASPNETCORE_ENVIRONMENT")) start.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (wait && e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (wait)
        {
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }
        return process;
    }

    public static async Task WaitAsync(Func<Task<bool>> ready, string what = "The host")
    {
        for (var i = 0; i < 120; i++)
        {
            try { if (await ready()) return; } catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{what} did not start.");
    }

    /// <summary>Drops the scratch host database and the campus databases with the given prefix.</summary>
    public static async Task ResetAsync(string server, string hostDb, string tenantPrefix)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        var names = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $2 OR datname = $1", admin)
                     { Parameters = { new() { Value = hostDb }, new() { Value = tenantPrefix.Replace("_", "\\_") + "%" } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var name in names)
            for (var attempt = 1; ; attempt++)
                try
                {
                    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == "42501" && attempt < 600)
                {
                    // An autovacuum worker (a superuser's process) is in the freshly written database; FORCE may not end it, so wait.
                    await Task.Delay(500);
                }
    }
}

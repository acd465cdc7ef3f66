using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Host.Setup;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CampusKonseling.Tests.Operations;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh as a campus IT person runs them: a campus with a case is backed up,
/// lost, restored, and its case is found again through the app, where its people sign in and work on.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class BackupRestoreTests(PlatformFixture platform, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo _backups = Directory.CreateTempSubdirectory("ck-backup-");

    private sealed record Kasus(Guid Id, string Nomor, string Nama);

    [Fact]
    public async Task A_campus_deleted_by_mistake_comes_back_whole_from_its_backup()
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "cadang");
        var kasus = await SubmitAsync(platform.BaseAddress, campus.Prefix, campus.Database);
        await AssertCaseFoundAsync(platform.BaseAddress, campus.Prefix, campus.AdminEmail, campus.AdminPassword, kasus);

        var (_, backedUp) = await ScriptAsync("backup.sh", "--campus", campus.Name, "--out", _backups.FullName);
        var backup = Regex.Match(backedUp, "backing up into (.+)").Groups[1].Value.Trim();
        Assert.True(File.Exists(Path.Combine(backup, "host.dump")), backedUp);
        Assert.True(File.Exists(Path.Combine(backup, "campuses", campus.Name + ".dump")), backedUp);
        Assert.Single(Directory.GetFiles(Path.Combine(backup, "campuses"), "*.dump")); // only the campus asked for

        // The loss: the host administrator deletes the campus (its database is dropped and it leaves the campus list).
        await platform.Services.GetRequiredService<TenantManager>().DeleteAsync(campus.Name);
        Assert.False(await TestDatabase.DatabaseExistsAsync(campus.Database));
        using (var visitor = platform.Client())
        using (var gone = await visitor.GetAsync($"{campus.Prefix}/akun/masuk"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var (_, restored) = await ScriptAsync("restore.sh", backup, "--campus", campus.Name);
        Assert.Contains($"campus {campus.Name}: back on the campus list", restored);
        Assert.True(restored.IndexOf("restored from", StringComparison.Ordinal) < restored.IndexOf("back on the campus list", StringComparison.Ordinal),
            "the campus went back on the list before its database was restored");
        await ServedWithinSecondsAsync(platform.BaseAddress, campus.Prefix);

        // The running platform serves it again, without a restart: the case is there and its people sign in.
        await AssertCaseFoundAsync(platform.BaseAddress, campus.Prefix, campus.AdminEmail, campus.AdminPassword, kasus);
        var next = await SubmitAsync(platform.BaseAddress, campus.Prefix, campus.Database);
        Assert.NotEqual(kasus.Nomor, next.Nomor); // numbering goes on from the restored cases

        // An existing database is never replaced unless asked to.
        var (refusedCode, refused) = await ScriptAsync("restore.sh", [backup, "--campus", campus.Name], expectSuccess: false);
        Assert.Equal(1, refusedCode);
        Assert.Contains($"campus {campus.Name}: database {campus.Database} exists; nothing was changed. Add --replace", refused);
        await AssertCaseFoundAsync(platform.BaseAddress, campus.Prefix, campus.AdminEmail, campus.AdminPassword, next);

        // Asked to, it goes back to the backup while the platform runs: the later case is gone, the first one is there.
        await ScriptAsync("restore.sh", backup, "--campus", campus.Name, "--replace");
        await AssertCaseFoundAsync(platform.BaseAddress, campus.Prefix, campus.AdminEmail, campus.AdminPassword, kasus);
        Assert.Equal(0L, await TestDatabase.ScalarAsync(campus.Database, $"SELECT count(*) FROM kasus.cases WHERE nomor = '{next.Nomor}'"));
    }

    [Fact]
    public async Task The_whole_platform_comes_back_from_its_backup_on_an_empty_server()
    {
        // A platform of its own (host database and campus databases under the test prefix, so an interrupted run's
        // leftovers are removed by the next run), run as its own process, as systemd runs it.
        var id = Guid.NewGuid().ToString("N")[..6];
        var hostDb = $"{TestDatabase.TenantDatabasePrefix}bk{id}"; // not matched by the campuses' LIKE "prefix%", which needs one more character
        var prefix = $"{TestDatabase.TenantDatabasePrefix}bk{id}_";
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = hostDb }.ConnectionString;
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = connection, ["CampusKonseling__TenantDatabasePrefix"] = prefix,
            ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["DOTNET_ENVIRONMENT"] = null,
            ["CampusKonseling__HostAdmin__Email"] = "host@bk.test", ["CampusKonseling__HostAdmin__Password"] = "HostAdmin123",
        };
        const string campus = "bkkampus", admin = "admin@bkkampus.test", password = "Rahasia123";
        try
        {
            var create = Cli.StartInfo("tenants", "create", "--name", campus, "--prefix", campus, "--display-name", "Kampus Cadangan",
                "--recipe", Path.Combine(RepoPaths.Recipes, "konseling-asesmen.recipe.json"), "--admin-email", admin, "--admin-password", password);
            foreach (var (key, value) in environment)
                if (value is null) create.Environment.Remove(key);
                else create.Environment[key] = value;
            await RunAsync(create);

            var site = new Uri($"http://127.0.0.1:{TestHost.FreePort()}/");
            Kasus kasus;
            string backedUp;
            await using (var node = HostProcess.Start(environment, "--urls", site.ToString().TrimEnd('/')))
            {
                await node.WaitForHealthAsync(site, StartTimeout);
                kasus = await SubmitAsync(site, campus, prefix + campus);
                await AssertCaseFoundAsync(site, campus, admin, password, kasus);

                // Backed up while it runs, as a nightly timer would.
                (_, backedUp) = await ScriptAsync("backup.sh", ["--out", _backups.FullName, "--connection", connection]);
            }
            var backup = Regex.Match(backedUp, "backing up into (.+)").Groups[1].Value.Trim();
            Assert.Contains("done: host database and 2 campus(es)", backedUp); // the campus and the host administration's own

            // The server is lost: every database of the platform, the host database with its campus list, keys and timers included.
            var lost = await TestDatabase.DatabasesAsync(prefix);
            Assert.Equal(2, lost.Count);
            foreach (var db in lost.Append(hostDb)) await TestDatabase.DropAsync(db);
            Assert.False(await TestDatabase.DatabaseExistsAsync(hostDb));

            var (_, restored) = await ScriptAsync("restore.sh", [backup, "--all", "--connection", connection]);
            Assert.Contains("done: the host database and 2 campus database(s)", restored);

            await using (var node = HostProcess.Start(environment, "--urls", site.ToString().TrimEnd('/')))
            {
                await node.WaitForHealthAsync(site, StartTimeout);
                await AssertCaseFoundAsync(site, campus, admin, password, kasus);
                using var host = new TestClient(site);
                await host.SignInAsync("", "host@bk.test", "HostAdmin123"); // the host administration came back too
                var next = await SubmitAsync(site, campus, prefix + campus);
                Assert.NotEqual(kasus.Nomor, next.Nomor);
            }
        }
        finally
        {
            foreach (var db in (await TestDatabase.DatabasesAsync(prefix)).Append(hostDb)) await TestDatabase.DropAsync(db);
        }
    }

    [Fact]
    public async Task The_scripts_say_what_is_wrong_and_change_nothing()
    {
        var (code, said) = await ScriptAsync("restore.sh", [_backups.FullName, "--all"], expectSuccess: false);
        Assert.Equal(1, code);
        Assert.Contains("is not a backup made by backup.sh", said);

        var (noChoice, unsure) = await ScriptAsync("restore.sh", [], expectSuccess: false);
        Assert.Equal(1, noChoice);
        Assert.Contains("name the backup folder", unsure);

        var missing = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = "ckt_tidak_ada" }.ConnectionString;
        var (noHost, told) = await ScriptAsync("backup.sh", ["--out", _backups.FullName, "--connection", missing], expectSuccess: false);
        Assert.Equal(1, noHost);
        Assert.Contains("the host database ckt_tidak_ada does not exist", told);

        var (unknown, answer) = await ScriptAsync("backup.sh", ["--out", _backups.FullName, "--campus", "tidakada"], expectSuccess: false);
        Assert.Equal(1, unknown);
        Assert.Contains("no campus named 'tidakada' on the campus list", answer);
        Assert.Contains("INCOMPLETE", answer);
    }

    /// <summary>An anonymous request through the campus's own form; the case it opened, read from the campus database.</summary>
    private static async Task<Kasus> SubmitAsync(Uri site, string prefix, string database)
    {
        using var client = new TestClient(site);
        var nama = $"Rina Cadangan {Guid.NewGuid().ToString("N")[..6]}";
        using var sent = await client.SubmitAsync($"{prefix}/formulir/permohonan-layanan", "form.intake", new Dictionary<string, string>
        {
            ["f_nama"] = nama, ["f_nim"] = "2021003333", ["f_prodi"] = "Psikologi", ["f_email"] = $"rina.{Guid.NewGuid():N}@mahasiswa.test",
            ["f_hp"] = "081234567890", ["f_jenis-layanan"] = "Konseling", ["f_uraian"] = "Saya ingin berkonsultasi tentang rencana studi saya.",
            ["f_setuju"] = "setuju",
        });
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"{sent.StatusCode}: {await sent.Content.ReadAsStringAsync()}");
        var code = KodeInLink().Match(sent.Headers.Location!.OriginalString).Groups[1].Value;
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id, nomor FROM kasus.cases WHERE kode_pelacakan = $1", conn) { Parameters = { new() { Value = code } } };
        await using var row = await cmd.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), $"no case for request {code}");
        return new Kasus(row.GetGuid(0), row.GetString(1), nama);
    }

    /// <summary>
    /// "Picks the campus up within seconds": a name the node does not know makes it read the campus list again, at most
    /// once a second, so a campus put back right after a miss answers a moment later.
    /// </summary>
    private static async Task ServedWithinSecondsAsync(Uri site, string prefix)
    {
        using var visitor = new HttpClient { BaseAddress = site };
        var status = HttpStatusCode.NotFound;
        for (var i = 0; i < 25 && status != HttpStatusCode.OK; i++)
        {
            if (i > 0) await Task.Delay(200);
            using var response = await visitor.GetAsync($"{prefix}/akun/masuk");
            status = response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>The campus administrator signs in and opens the case's page: its number and the client's name are there.</summary>
    private static async Task AssertCaseFoundAsync(Uri site, string prefix, string email, string password, Kasus kasus)
    {
        using var admin = new TestClient(site);
        await admin.SignInAsync(prefix, email, password);
        var (status, page) = await admin.PageAsync($"{prefix}/admin/kasus/{kasus.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(kasus.Nomor, page.Body!.TextContent);
        Assert.Contains(kasus.Nama, page.Body.TextContent);
    }

    private Task<(int Code, string Output)> ScriptAsync(string script, params string[] args) => ScriptAsync(script, args, expectSuccess: true);

    /// <summary>Runs scripts/NAME with the test database as the app's connection (ConnectionStrings__Default), as an operator would.</summary>
    private async Task<(int Code, string Output)> ScriptAsync(string script, string[] args, bool expectSuccess)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Default"] = TestDatabase.ConnectionString;
        foreach (var key in new[] { "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGPASSFILE" }) start.Environment.Remove(key);
        var (code, text) = await RunAsync(start, expectSuccess);
        output.WriteLine($"$ scripts/{script} {string.Join(' ', args)}\n{text}(exit {code})");
        return (code, text);
    }

    private static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo start, bool expectSuccess = true)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        if (expectSuccess) Assert.True(process.ExitCode == 0, $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{text}");
        return (process.ExitCode, text);
    }

    [GeneratedRegex("kode=([A-Z2-9-]+)")]
    private static partial Regex KodeInLink();

    public void Dispose() => _backups.Delete(recursive: true);
}

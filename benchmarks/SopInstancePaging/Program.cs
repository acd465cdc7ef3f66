using System.Diagnostics;
using CampusKonseling.Data;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Measures the staff list of an SOP's instances (InstancePages, as /admin/sop/{id}/instans uses it)
// on a campus database holding 100,000 instances of one SOP.
// Usage: dotnet run -c Release --project benchmarks/SopInstancePaging [-- instances]
var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var server = Environment.GetEnvironmentVariable("CK_BENCH_CONNECTION")
             ?? "Host=localhost;Port=5432;Username=campuskonseling;Password=campuskonseling;Database=postgres";
const string database = "ck_bench_sop";

await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
var campus = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
await using var connection = new NpgsqlConnection(campus);
SopDb Db() => new((DbContextOptions<SopDb>)new DbContextOptionsBuilder<SopDb>().UseModuleNpgsql(connection, SopDb.Schema).Options);
await using (var db = Db()) await db.Database.MigrateAsync();

var definitionId = Guid.CreateVersion7();
var versionId = Guid.CreateVersion7();
await using (var db = Db())
{
    db.Definitions.Add(new DefinitionRow { Id = definitionId, Kode = "BENCH", Judul = "Bench", VersiAktif = 1, DibuatPada = DateTimeOffset.UtcNow });
    db.Versions.Add(new VersionRow { Id = versionId, DefinitionId = definitionId, Versi = 1, Json = "{}", Hash = "x", DibuatOleh = "bench", DibuatPada = DateTimeOffset.UtcNow });
    await db.SaveChangesAsync();
}

var load = Stopwatch.StartNew();
await connection.OpenAsync();
var random = new Random(42);
var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
await using (var copy = await connection.BeginBinaryImportAsync(
    "COPY sop.instances (id, version_id, definition_id, kode, versi, subjek, status, dimulai_pada, selesai_pada, konteks, langkah_aktif, jatuh_tempo, terlambat) FROM STDIN (FORMAT BINARY)"))
{
    for (var i = 0; i < count; i++)
    {
        var began = start.AddMinutes(random.Next(0, 5 * 365 * 24 * 60));
        var running = random.NextDouble() < 0.1;
        await copy.StartRowAsync();
        await copy.WriteAsync(Guid.CreateVersion7(began), NpgsqlDbType.Uuid);
        await copy.WriteAsync(versionId, NpgsqlDbType.Uuid);
        await copy.WriteAsync(definitionId, NpgsqlDbType.Uuid);
        await copy.WriteAsync("BENCH", NpgsqlDbType.Varchar);
        await copy.WriteAsync(1, NpgsqlDbType.Integer);
        await copy.WriteAsync($"Kasus {i:000000}", NpgsqlDbType.Varchar);
        await copy.WriteAsync(running ? "Berjalan" : "Selesai", NpgsqlDbType.Varchar);
        await copy.WriteAsync(began, NpgsqlDbType.TimestampTz);
        if (running) await copy.WriteNullAsync(); else await copy.WriteAsync(began.AddDays(3), NpgsqlDbType.TimestampTz);
        await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
        await copy.WriteAsync(running ? "3" : "", NpgsqlDbType.Varchar);
        if (running) await copy.WriteAsync(began.AddDays(1), NpgsqlDbType.TimestampTz); else await copy.WriteNullAsync();
        await copy.WriteAsync(running && random.NextDouble() < 0.2, NpgsqlDbType.Boolean);
    }
    await copy.CompleteAsync();
}
await new NpgsqlCommand("ANALYZE sop.instances", connection).ExecuteNonQueryAsync();
Console.WriteLine($"loaded {count:N0} instances in {load.Elapsed.TotalSeconds:F1} s");

async Task<double[]> MeasureAsync(InstancePages.Filter filter, int pagesDeep, int runs)
{
    var times = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        string? after = null;
        await using var db = Db();
        for (var p = 0; p < pagesDeep; p++)
        {
            var sw = Stopwatch.StartNew();
            var page = await InstancePages.ReadAsync(db, definitionId, filter, after, 50, default);
            sw.Stop();
            if (p == pagesDeep - 1 || pagesDeep == 1) times.Add(sw.Elapsed.TotalMilliseconds);
            after = page.Next;
        }
    }
    return [.. times.Order()];
}

static string Row(string name, double[] t) =>
    $"| {name} | {t[t.Length / 2]:F2} | {t[(int)(t.Length * 0.95)]:F2} | {t[^1]:F2} |";

await MeasureAsync(new(null, false), 1, 5); // warm up
Console.WriteLine("| page (50 rows, with total count) | p50 ms | p95 ms | max ms |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(Row("running, page 1", await MeasureAsync(new(InstanceStatus.Berjalan, false), 1, 50)));
Console.WriteLine(Row("running and overdue, page 1", await MeasureAsync(new(InstanceStatus.Berjalan, true), 1, 50)));
Console.WriteLine(Row("all, page 1", await MeasureAsync(new(null, false), 1, 50)));
Console.WriteLine(Row("all, page 200 (keyset)", await MeasureAsync(new(null, false), 200, 5)));
Console.WriteLine(Row("finished, page 1", await MeasureAsync(new(InstanceStatus.Selesai, false), 1, 50)));

await connection.CloseAsync();
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}

using System.Diagnostics;
using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Measures the staff case inbox (CaseInbox, as /admin/kasus uses it: counts per SOP, total, one page of 50)
// on a campus database holding 100,000 cases over 5 years and 6 SOPs, 15% of them open.
// Usage: dotnet run -c Release --project benchmarks/CaseInbox [-- cases]
var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var server = Environment.GetEnvironmentVariable("CK_BENCH_CONNECTION")
             ?? "Host=localhost;Port=5432;Username=campuskonseling;Password=campuskonseling;Database=postgres";
const string database = "ck_bench_cases";

await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
var campus = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
await using var connection = new NpgsqlConnection(campus);
CasesDb Db() => new((DbContextOptions<CasesDb>)new DbContextOptionsBuilder<CasesDb>().UseModuleNpgsql(connection, CasesDb.Schema).Options);
await using (var db = Db()) await db.Database.MigrateAsync();

string[] sops = ["Konseling Karier", "Konseling Inisiatif Sendiri", "Konseling Rujukan", "Administrasi Terapi", "Konseling Online", "E-konseling"];
string[][] roles = [["TU"], ["Konselor"], ["Kepala Unit"], ["TU", "Konselor"], ["Mahasiswa", "Staf"], ["Rektor"]];
string[] counselors = Enumerable.Range(1, 30).Select(i => $"konselor-{i}").ToArray();
var load = Stopwatch.StartNew();
await connection.OpenAsync();
var random = new Random(42);
var start = new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero);
await using (var copy = await connection.BeginBinaryImportAsync(
    "COPY kasus.cases (id, nomor, sumber, nama, status, sop_judul, langkah_aktif, peran_aktif, penerima_tugas, jatuh_tempo, terlambat, konselor_id, bidang, dibuka_pada, diperbarui_pada) FROM STDIN (FORMAT BINARY)"))
{
    for (var i = 0; i < count; i++)
    {
        var opened = start.AddMinutes(random.Next(0, 5 * 365 * 24 * 60));
        var open = random.NextDouble() < 0.15;
        await copy.StartRowAsync();
        await copy.WriteAsync(Guid.CreateVersion7(opened), NpgsqlDbType.Uuid);
        await copy.WriteAsync($"KS-{opened.Year}-{i:000000}", NpgsqlDbType.Varchar);
        await copy.WriteAsync("formulir", NpgsqlDbType.Varchar);
        await copy.WriteAsync($"Klien {i:000000}", NpgsqlDbType.Varchar);
        await copy.WriteAsync(open ? (random.NextDouble() < 0.3 ? "baru" : "berjalan") : "selesai", NpgsqlDbType.Varchar);
        await copy.WriteAsync(sops[random.Next(sops.Length)], NpgsqlDbType.Varchar);
        await copy.WriteAsync(open ? "2 Staf menerima informasi kebutuhan layanan" : "", NpgsqlDbType.Text);
        await copy.WriteAsync(open ? roles[random.Next(roles.Length)] : Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (open) await copy.WriteAsync(opened.AddDays(2), NpgsqlDbType.TimestampTz); else await copy.WriteNullAsync();
        await copy.WriteAsync(open && random.NextDouble() < 0.2, NpgsqlDbType.Boolean);
        await copy.WriteAsync(counselors[random.Next(counselors.Length)], NpgsqlDbType.Varchar);
        await copy.WriteAsync(random.NextDouble() < 0.5 ? "Akademik" : "Personal", NpgsqlDbType.Varchar);
        await copy.WriteAsync(opened, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(opened, NpgsqlDbType.TimestampTz);
    }
    await copy.CompleteAsync();
}
await new NpgsqlCommand("ANALYZE kasus.cases", connection).ExecuteNonQueryAsync();
Console.WriteLine($"loaded {count:N0} cases in {load.Elapsed.TotalSeconds:F1} s");

static ClaimsPrincipal User(string id, params string[] roles) =>
    new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, id)), "bench"));

async Task<double[]> MeasureAsync(ClaimsPrincipal user, InboxFilter filter, int page, int runs)
{
    var times = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        await using var db = Db();
        var sw = Stopwatch.StartNew();
        await new CaseInbox(db).QueryAsync(user, filter, page, 50, default);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return [.. times.Order()];
}

static string Row(string name, double[] t) => $"| {name} | {t[t.Length / 2]:F2} | {t[(int)(t.Length * 0.95)]:F2} | {t[^1]:F2} |";

var tu = User("tu-1", "TU");
var konselor = User("konselor-7", "Konselor");
var kepala = User("kepala-1", "Kepala Unit");
await MeasureAsync(tu, new(), 1, 5); // warm up
Console.WriteLine("| inbox request (counts per SOP + total + 50 rows) | p50 ms | p95 ms | max ms |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(Row("TU, open cases at its steps, page 1", await MeasureAsync(tu, new(), 1, 50)));
Console.WriteLine(Row("TU, overdue only", await MeasureAsync(tu, new(Terlambat: true), 1, 50)));
Console.WriteLine(Row("counselor (role + own cases), page 1", await MeasureAsync(konselor, new(), 1, 50)));
Console.WriteLine(Row("counselor, one SOP, problem area", await MeasureAsync(konselor, new(Sop: "Konseling Karier", Bidang: "Akademik"), 1, 50)));
Console.WriteLine(Row("head, all 100k cases, page 1", await MeasureAsync(kepala, new(Semua: true), 1, 30)));
Console.WriteLine(Row("head, all cases, page 100", await MeasureAsync(kepala, new(Semua: true), 100, 30)));
Console.WriteLine(Row("head, search by name", await MeasureAsync(kepala, new(Semua: true, Cari: "Klien 0421"), 1, 30)));

await connection.CloseAsync();
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}

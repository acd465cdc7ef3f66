using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Benchmarks;
using Npgsql;

// Issue 7's target: the leaders' dashboard of a campus with 100,000 cases renders in well under 1 s. This program
// starts the real host (Release build) on scratch databases, sets up one campus from recipes/unipma.recipe.json,
// generates N cases deterministically in SQL (two years, both of the campus's SOPs, 15% open) each with the SOP
// instance it runs and a full step history (activations with due times, completions, the open step), then fetches
// the report pages over HTTP, signed in as the unit head, and prints p50/p95/p99.
//
// Usage (from the repository root, after `dotnet build -c Release`):
//   dotnet run -c Release --project benchmarks/ReportDashboard [-- cases runs]
var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 40;
const string hostDb = "campuskonseling_bench_laporan";
const int httpPort = 5183;
var server = BenchHost.Server;
var (env, hostDll, campus) = await BenchHost.CreateCampusAsync(hostDb, "ckbenchl_", "unipma.recipe.json");

var load = Stopwatch.StartNew();
await using (var c = new NpgsqlConnection(campus))
{
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(Sql.Generate, c);
    cmd.Parameters.AddWithValue("n", count);
    await cmd.ExecuteNonQueryAsync();
    var events = await new NpgsqlCommand("SELECT count(*) FROM sop.events", c).ExecuteScalarAsync();
    Console.WriteLine($"generated {count:N0} cases with their SOP instances and {events:N0} step events in {load.Elapsed.TotalSeconds:N0} s");
}

using var host = BenchHost.Run("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{httpPort}"], env, wait: false);
var baseUri = new Uri($"http://127.0.0.1:{httpPort}/");
await BenchHost.WaitAsync(async () => (await new HttpClient().GetAsync(new Uri(baseUri, "bench/akun/masuk"))).StatusCode == HttpStatusCode.OK);
var head = await SignInAsync("kepala@unipma.demo");

(string Name, string Path)[] pages =
[
    ("dashboard, one month (31 daily bars)", "bench/admin/laporan?jenis=bulan&bulan=2026-10"),
    ("dashboard, one semester (6 monthly bars)", "bench/admin/laporan?jenis=semester&semester=2025-ganjil"),
    ("dashboard, two years (monthly), for outside the unit", "bench/admin/laporan?jenis=kustom&dari=2025-01-01&sampai=2026-11-20&per=bulan&luar=true"),
    ("dashboard, semester, sorted by a column", "bench/admin/laporan?jenis=semester&semester=2025-ganjil&urut=bidang.1.t"),
    ("baku-mutu compliance, one month", "bench/admin/laporan/baku-mutu?jenis=bulan&bulan=2026-10"),
    ("baku-mutu compliance, one semester", "bench/admin/laporan/baku-mutu?jenis=semester&semester=2025-ganjil"),
    ("drill-down: cases opened in a semester, page 1", "bench/admin/laporan/kasus?dari=2025-08-01&sampai=2026-01-31&ukuran=Dibuka"),
    ("XLSX of every dashboard table, one semester", "bench/admin/laporan?jenis=semester&semester=2025-ganjil&handler=Ekspor&format=xlsx"),
    ("PDF report with letterhead, one semester", "bench/admin/laporan?jenis=semester&semester=2025-ganjil&handler=Pdf"),
];
foreach (var p in pages) for (var i = 0; i < 3; i++) await FetchAsync(p.Path); // warm up
Console.WriteLine();
Console.WriteLine($"| page ({count:N0} cases, over HTTP, signed in) | p50 ms | p95 ms | p99 ms | size KB |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var p in pages)
{
    var times = new List<double>();
    long size = 0;
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        size = await FetchAsync(p.Path);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"| {p.Name} | {P(times, .5):F1} | {P(times, .95):F1} | {P(times, .99):F1} | {size / 1024.0:F0} |");
}
host.Kill(entireProcessTree: true);
await BenchHost.ResetAsync(server, hostDb, "ckbenchl_");

static double P(List<double> sorted, double q) => BenchHost.Percentile(sorted, q);

async Task<long> FetchAsync(string path)
{
    using var response = await head.GetAsync(path);
    var bytes = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    return bytes.Length;
}

async Task<HttpClient> SignInAsync(string email)
{
    var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
    var page = await client.GetStringAsync("bench/akun/masuk");
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync("bench/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Email"] = email, ["Input.Password"] = "Demo12345", ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {email} failed: {(int)response.StatusCode}");
    return client;
}

static class Sql
{
    // Deterministic (hashtext of the case number, no random()): the same N gives the same campus every run.
    // Each case runs one of the campus's SOPs through its current version's steps in order, one every 5 hours,
    // each due 2 hours after activation and done after 0–4 hours; an open case stops at a step still open.
    public const string Generate = """
        CREATE TEMP TABLE steps AS
          SELECT d.id AS def_id, v.id AS ver_id, d.kode, d.judul, d.versi_aktif AS versi, s.ord::int AS ord, s.step->>'id' AS step_id
          FROM sop.definitions d JOIN sop.versions v ON v.definition_id = d.id AND v.versi = d.versi_aktif,
               jsonb_array_elements(v.json::jsonb->'langkah') WITH ORDINALITY AS s(step, ord);
        CREATE TEMP TABLE sops AS
          SELECT def_id, ver_id, kode, judul, versi, count(*)::int AS n, (row_number() OVER (ORDER BY kode) - 1)::int AS idx FROM steps GROUP BY 1, 2, 3, 4, 5;
        CREATE TEMP TABLE gen AS
          SELECT i, timestamptz '2025-01-01 00:00+07' + (abs(hashtext('o' || i)) % (690 * 24 * 60)) * interval '1 minute' AS opened,
                 abs(hashtext('s' || i)) % (SELECT count(*) FROM sops) AS sop_idx,
                 abs(hashtext('c' || i)) % 100 < 15 AS terbuka,
                 md5('i' || i)::uuid AS inst_id, md5('k' || i)::uuid AS case_id
          FROM generate_series(1, @n) AS i;
        CREATE TEMP TABLE runs AS
          SELECT g.*, s.def_id, s.ver_id, s.kode, s.judul, s.versi, s.n,
                 CASE WHEN g.terbuka THEN 1 + abs(hashtext('u' || g.i)) % s.n ELSE s.n END AS last_step
          FROM gen g JOIN sops s ON s.idx = g.sop_idx;

        INSERT INTO sop.instances (id, version_id, definition_id, kode, versi, subjek, status, dimulai_pada, selesai_pada, konteks, langkah_aktif, terlambat)
          SELECT inst_id, ver_id, def_id, kode, versi, 'Permohonan B' || i, CASE WHEN terbuka THEN 'Berjalan' ELSE 'Selesai' END, opened,
                 CASE WHEN terbuka THEN NULL ELSE opened + n * interval '5 hours' END, '{}', '', false
          FROM runs;
        INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, jatuh_tempo, masukan, keluaran)
          SELECT r.inst_id, st.ord * 2 - 1, 'Diaktifkan', st.step_id, md5('a' || r.i || '-' || st.ord)::uuid,
                 r.opened + (st.ord - 1) * interval '5 hours', r.opened + (st.ord - 1) * interval '5 hours' + interval '2 hours', '{}', '{}'
          FROM runs r JOIN steps st ON st.def_id = r.def_id AND st.ord <= r.last_step;
        INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, masukan, keluaran)
          SELECT r.inst_id, st.ord * 2, 'Diselesaikan', st.step_id, md5('a' || r.i || '-' || st.ord)::uuid,
                 r.opened + (st.ord - 1) * interval '5 hours' + (abs(hashtext('d' || r.i || '-' || st.ord)) % 240) * interval '1 minute', '{}', '{}'
          FROM runs r JOIN steps st ON st.def_id = r.def_id AND (st.ord < r.last_step OR (st.ord = r.last_step AND NOT r.terbuka));

        -- The activations the store keeps beside the history (as the Sop migration StepActivations fills them).
        INSERT INTO sop.activations (activation_id, instance_id, kode, step_id, diaktifkan_pada, jatuh_tempo, berakhir_pada, akhir)
          SELECT a.activation_id, a.instance_id, r.kode, a.step_id, a.pada, a.jatuh_tempo, d.pada, CASE WHEN d.pada IS NOT NULL THEN 'Diselesaikan' END
          FROM runs r JOIN sop.events a ON a.instance_id = r.inst_id AND a.jenis = 'Diaktifkan'
          LEFT JOIN sop.events d ON d.instance_id = r.inst_id AND d.activation_id = a.activation_id AND d.jenis = 'Diselesaikan';

        INSERT INTO kasus.cases (id, nomor, sumber, nama, status, sop_instance_id, sop_kode, sop_judul, langkah_aktif, peran_aktif, penerima_tugas,
                                 jatuh_tempo, terlambat, konselor_id, konselor_nama, dibuka_pada, ditutup_pada, diperbarui_pada,
                                 bidang, saluran, jenis_klien, prodi, kontak_pertama_pada)
          SELECT case_id, 'KS-B-' || lpad(i::text, 6, '0'), 'formulir', 'Klien ' || i,
                 CASE WHEN NOT terbuka THEN 'selesai' WHEN i % 3 = 0 THEN 'baru' ELSE 'berjalan' END, inst_id, kode, judul,
                 CASE WHEN terbuka THEN last_step || ' langkah berjalan' ELSE '' END, '{}', '{}',
                 CASE WHEN terbuka THEN opened + (last_step - 1) * interval '5 hours' + interval '2 hours' END, terbuka AND i % 5 = 0,
                 CASE WHEN i % 25 = 0 THEN NULL ELSE 'konselor-' || (i % 20) END, CASE WHEN i % 25 = 0 THEN NULL ELSE 'Konselor ' || (i % 20) END,
                 opened, CASE WHEN NOT terbuka THEN opened + n * interval '5 hours' END, opened,
                 (ARRAY['Akademik', 'Pribadi', 'Karier', 'Sosial', 'Keluarga'])[1 + i % 5],
                 (ARRAY['Datang langsung', 'Online', 'Telepon', 'Rujukan'])[1 + i % 4],
                 (ARRAY['Mahasiswa', 'Calon alumni', 'Alumni'])[1 + i % 3],
                 CASE WHEN i % 9 = 0 THEN NULL ELSE (ARRAY['Psikologi', 'Teknik Informatika', 'Manajemen', 'Akuntansi', 'Pendidikan Bahasa Inggris', 'Farmasi', 'Keperawatan', 'Ilmu Hukum'])[1 + i % 8] END,
                 CASE WHEN i % 10 = 0 THEN NULL ELSE opened + (abs(hashtext('w' || i)) % 4320) * interval '1 minute' END
          FROM runs;
        ANALYZE sop.instances; ANALYZE sop.events; ANALYZE sop.activations; ANALYZE kasus.cases;
        """;
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text.Json;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>SOPs in a running campus: versions, races, admin pages, charts, API, retention.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SopPlatformTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _ipdn = null!;
    private SopHarness _sop = null!;

    public async Task InitializeAsync()
    {
        _ipdn = await platform.CreateTenantAsync("ipdn", "sop");
        _sop = new SopHarness(platform, _ipdn);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_version_leaves_running_instances_on_theirs_and_records_who_changed_it()
    {
        var staf = await _sop.ActorAsync("Staf");
        var old = (await _sop.StartAsync("IPDN-BK-PRAJA", staf)).Instance!;
        Assert.Equal(1, old.Versi);

        var definitionId = await _sop.DefinitionIdAsync("IPDN-BK-PRAJA");
        var v2 = await _sop.InCampusAsync(async sp =>
        {
            var catalog = sp.GetRequiredService<SopCatalog>();
            var current = (await catalog.FindAsync(definitionId, null))!.Value.Sop;
            var changed = current with { Langkah = [.. current.Langkah.Select(l => l.Id == "1" ? l with { Waktu = "20 Menit" } : l)] };
            return await catalog.ImportAsync(changed, "Kepala Unit <kepala@ipdn.demo>", "Waktu langkah 1 menjadi 20 menit");
        });
        Assert.Equal((2, true), (v2.Versi, v2.Created));

        var fresh = (await _sop.StartAsync("IPDN-BK-PRAJA", staf, new ManualClock(Campus.Wib(2030, 1, 7, 9, 0)))).Instance!;
        Assert.Equal(2, fresh.Versi);
        Assert.Equal(TimeSpan.FromMinutes(20), fresh.Aktif.Single().JatuhTempo - fresh.Aktif.Single().DiaktifkanPada);
        Assert.True((await _sop.CompleteAsync(old.Id, new CompleteStep("1", Masukan: new Dictionary<string, string> { ["Formulir Pendaftaran Konseling"] = "ada" }), staf)).Succeeded);
        Assert.Equal(1, (await _sop.InstanceAsync(old.Id)).Versi);

        using var admin = platform.Client();
        await admin.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var (_, page) = await admin.PageAsync($"{_ipdn.Prefix}/admin/sop/{definitionId}");
        var rows = page.QuerySelectorAll("table.versions tbody tr");
        Assert.Equal("1", rows.Single(r => r.GetAttribute("data-versi") == "2").QuerySelector("td.running")!.TextContent);
        Assert.Equal("1", rows.Single(r => r.GetAttribute("data-versi") == "1").QuerySelector("td.running")!.TextContent);
        Assert.Contains("Kepala Unit <kepala@ipdn.demo>", rows.Single(r => r.GetAttribute("data-versi") == "2").TextContent);
        Assert.Contains("Waktu langkah 1 menjadi 20 menit", rows.Single(r => r.GetAttribute("data-versi") == "2").TextContent);

        // Importing the same SOP again makes no new version.
        var again = await _sop.InCampusAsync(async sp => await sp.GetRequiredService<SopCatalog>().ImportAsync((await sp.GetRequiredService<SopCatalog>().FindAsync(definitionId, null))!.Value.Sop, "resep", null));
        Assert.Equal((2, false), (again.Versi, again.Created));
    }

    [Fact]
    public async Task Two_staff_completing_the_same_step_at_once_make_one_transition()
    {
        var a = await _sop.ActorAsync("Konselor/Psikolog");
        var kasubbag = await _sop.ActorAsync("Kasubbag/Arsiparis");
        var started = (await _sop.StartAsync("IPDN-BK-TERAPI", a)).Instance!;
        var step1 = new CompleteStep("1", Masukan: new Dictionary<string, string> { ["Data Formulir Praja"] = "ada" });
        Assert.True((await _sop.CompleteAsync(started.Id, step1, a)).Succeeded);

        var step2 = new CompleteStep("2", Masukan: new Dictionary<string, string> { ["Data Formulir Praja"] = "ada" });
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _sop.CompleteAsync(started.Id, step2, kasubbag))));
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith("Langkah 2 sudah diselesaikan oleh", r.Error));
        var instance = await _sop.InstanceAsync(started.Id);
        Assert.Single(instance.Riwayat, e => e.StepId == "2" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(["3"], instance.Aktif.Select(s => s.StepId));
    }

    [Fact]
    public async Task The_therapy_chart_has_seven_lanes_and_the_disposition_chain()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var id = await _sop.DefinitionIdAsync("IPDN-BK-TERAPI");
        using var response = await admin.GetAsync($"{_ipdn.Prefix}/admin/sop/{id}/bagan.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        var ns = svg.Root!.Name.Namespace;
        var lanes = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "lajur").Select(g => string.Concat(g.Elements(ns + "text").Select(t => t.Value + " ")).Trim()).ToList();
        Assert.Equal(7, lanes.Count);
        Assert.Equal(["Konselor", "Kasubbag/Staf"], lanes.Take(2));
        Assert.StartsWith("Staf pendamping", lanes[2]); // the staff member named to accompany the praja, not every Staf
        Assert.Equal(["Kepala Unit", "Psikiater", "Kepala Biro III", "Rektor"], lanes.Skip(3));
        var steps = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("langkah") == true).ToDictionary(g => (string)g.Attribute("data-step")!);
        // The chain is the steps' own work: each of 7, 8 and 9 shows the disposition it gives.
        Assert.All(["7", "8", "9"], s => Assert.Contains("disposisi", string.Concat(steps[s].Descendants(ns + "text").Select(t => t.Value))));
        Assert.Contains("mulai", (string)steps["1"].Attribute("class")!);
        Assert.Contains("selesai", (string)steps["11"].Attribute("class")!);
    }

    [Fact]
    public async Task The_document_view_prints_the_step_table_with_a_column_per_actor()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var id = await _sop.DefinitionIdAsync("IPDN-BK-PRAJA");
        var (_, page) = await admin.PageAsync($"{_ipdn.Prefix}/admin/sop/{id}");
        var lanes = page.QuerySelectorAll("table.sop-steps th.lane").Select(th => th.TextContent).ToList();
        Assert.Equal(7, lanes.Count);
        Assert.Equal(13, page.QuerySelectorAll("table.sop-steps tbody tr").Length);
        var row = page.QuerySelector("table.sop-steps tr[data-step='5']")!;
        Assert.Contains("1 Hari", row.TextContent);
        Assert.Contains("Laporan Rencana Pengawasan", row.TextContent);
        Assert.Contains("Peraturan Menteri Dalam Negeri Nomor 63 Tahun 2015", page.QuerySelector(".sop-blocks")!.TextContent);
    }

    [Fact]
    public async Task Staff_complete_their_step_in_the_browser_form_and_mistakes_are_explained_in_place()
    {
        var staf = await _sop.ActorAsync("Staf");
        var started = (await _sop.StartAsync("IPDN-BK-PRAJA", staf, subjek: "Praja 2031-001")).Instance!;
        using var client = platform.Client();
        await client.SignInAsync(_ipdn.Prefix, await _sop.EmailOfAsync("Staf"), "Demo12345");
        var path = $"{_ipdn.Prefix}/admin/sop/instans/{started.Id}";
        using (var missing = await client.SubmitAsync(path, "form.complete-step", new Dictionary<string, string> { ["Input.Catatan"] = "praja datang sendiri" }))
        {
            var page = await TestClient.ParseAsync(missing);
            Assert.Contains("Kelengkapan belum dipenuhi: Formulir Pendaftaran Konseling.", page.QuerySelector(".active-step .alert.error")!.TextContent);
            Assert.Equal("praja datang sendiri", page.QuerySelector("textarea[name='Input.Catatan']")!.TextContent);
        }
        using (var done = await client.SubmitAsync(path, "form.complete-step", new Dictionary<string, string> { ["Input.Kelengkapan"] = "0" }))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, after) = await client.PageAsync(path);
        Assert.Contains("Langkah 1 selesai.", after.QuerySelector(".alert.success")!.TextContent);
        Assert.Equal("2", after.QuerySelector(".active-step")!.GetAttribute("data-step"));
        Assert.Contains("selesai", after.QuerySelector("svg g[data-step='1']")!.GetAttribute("data-state"));
        Assert.Equal("aktif", after.QuerySelector("svg g[data-step='2']")!.GetAttribute("data-state"));

        // Someone outside the SOP's lanes sees the document but not its cases.
        using var webAdmin = platform.Client();
        await webAdmin.SignInAsync(_ipdn.Prefix, await _sop.EmailOfAsync("Admin Web"), "Demo12345");
        Assert.Equal(HttpStatusCode.OK, (await webAdmin.GetAsync(path)).StatusCode); // Admin Web manages SOPs
        using var biro = platform.Client();
        await biro.SignInAsync(_ipdn.Prefix, await _sop.EmailOfAsync("Kepala Biro III"), "Demo12345");
        Assert.Equal(HttpStatusCode.OK, (await biro.GetAsync($"{_ipdn.Prefix}/admin/sop/{await _sop.DefinitionIdAsync("IPDN-BK-PRAJA")}")).StatusCode);
        using var hidden = await biro.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Contains("/akun/akses-ditolak", hidden.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_api_lists_definitions_with_parsed_time_standards_and_guards_instances()
    {
        using var anonymous = platform.Client();
        var list = await anonymous.Http.GetFromJsonAsync<JsonElement>($"{_ipdn.Prefix}/api/v1/sop");
        var terapi = list.EnumerateArray().Single(s => s.GetProperty("kode").GetString() == "IPDN-BK-TERAPI");
        var detail = await anonymous.Http.GetFromJsonAsync<JsonElement>($"{_ipdn.Prefix}/api/v1/sop/{terapi.GetProperty("id").GetString()}");
        var step5 = detail.GetProperty("langkah").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "5");
        Assert.Equal("1 Hari", step5.GetProperty("waktu").GetProperty("teks").GetString());
        Assert.Equal("hari", step5.GetProperty("waktu").GetProperty("satuan").GetString());
        Assert.Equal(510, step5.GetProperty("waktu").GetProperty("menitKerja").GetDouble()); // IPDN works 07:30–16:00
        var step7 = detail.GetProperty("langkah").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "7");
        // Step 7 carries its work: the Kepala Unit's disposition to the Kepala Biro III.
        Assert.Equal("tugas", step7.GetProperty("jenis").GetString());
        var aksi = Assert.Single(step7.GetProperty("aksi").EnumerateArray());
        Assert.Equal(("disposisi", "kepala-biro"), (aksi.GetProperty("jenis").GetString(), aksi.GetProperty("kepada").GetString()));

        using var denied = await anonymous.GetAsync($"{_ipdn.Prefix}/api/v1/sop/{terapi.GetProperty("id").GetString()}/instans");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);

        using var staff = platform.Client();
        await staff.SignInAsync(_ipdn.Prefix, await _sop.EmailOfAsync("Kepala Unit"), "Demo12345");
        var staf = await _sop.ActorAsync("Konselor/Psikolog");
        await _sop.StartAsync("IPDN-BK-TERAPI", staf, subjek: "Terapi 01");
        var page = await staff.Http.GetFromJsonAsync<JsonElement>($"{_ipdn.Prefix}/api/v1/sop/{terapi.GetProperty("id").GetString()}/instans?page=1&pageSize=10");
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        var item = page.GetProperty("items").EnumerateArray().First();
        Assert.Equal("1", item.GetProperty("langkahAktif").GetString());
        Assert.True(item.TryGetProperty("jatuhTempo", out var due) && due.ValueKind == JsonValueKind.String);
        using var startedByApi = await staff.Http.PostAsJsonAsync($"{_ipdn.Prefix}/api/v1/sop/{terapi.GetProperty("id").GetString()}/instans", new { subjek = "Rujukan dari SIAKAD" });
        Assert.Equal(HttpStatusCode.Created, startedByApi.StatusCode);
        Assert.Equal("Rujukan dari SIAKAD", (await startedByApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subjek").GetString());
        using var bad = await staff.GetAsync($"{_ipdn.Prefix}/api/v1/sop/{terapi.GetProperty("id").GetString()}/instans?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_schedule_starts_instances_by_itself_until_a_new_version_drops_it()
    {
        var definitionId = await _sop.DefinitionIdAsync("IPDN-BK-TERAPI");
        var sop = await _sop.InCampusAsync(async sp => (await sp.GetRequiredService<SopCatalog>().FindAsync(definitionId, null))!.Value.Sop);
        var scheduled = sop with { Kode = "IPDN-JADWAL", Judul = "Terapi terjadwal (uji)", Jadwal = [new("0/1 * * * * ?", "Pemeriksaan rutin")] };
        await _sop.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(scheduled, "uji", "jadwal tiap detik"));

        async Task<int> StartedBySchedule() => await _sop.InCampusAsync(sp =>
            sp.GetRequiredService<SopDb>().Instances.CountAsync(i => i.Kode == "IPDN-JADWAL" && i.DimulaiOleh == Actor.System.Id));
        var waited = DateTime.UtcNow;
        while (await StartedBySchedule() == 0 && DateTime.UtcNow - waited < TimeSpan.FromSeconds(20)) await Task.Delay(250);
        Assert.True(await StartedBySchedule() > 0, "no instance was started by the schedule");
        var subject = await _sop.InCampusAsync(sp => sp.GetRequiredService<SopDb>().Instances.Where(i => i.Kode == "IPDN-JADWAL").Select(i => i.Subjek).FirstAsync());
        Assert.StartsWith("Pemeriksaan rutin (", subject);

        await _sop.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(scheduled with { Jadwal = [] }, "uji", "jadwal dihapus"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync(new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database!,
            $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = '{CampusKonseling.Sop.Timers.SopSchedules.Group(_ipdn.Name, "IPDN-JADWAL")}'"));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a firing already under way may still land
        var after = await StartedBySchedule();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(after, await StartedBySchedule());
    }

    [Fact]
    public async Task Finished_instances_are_purged_after_the_retention_period()
    {
        var staf = await _sop.ActorAsync("Konselor/Psikolog");
        var kept = (await _sop.StartAsync("IPDN-BK-TERAPI", staf)).Instance!;
        var old = (await _sop.StartAsync("IPDN-BK-TERAPI", staf)).Instance!;
        await TestDatabase.ExecuteAsync(_ipdn.Database, $"UPDATE sop.instances SET status = 'Selesai', selesai_pada = now() - interval '4000 days' WHERE id = '{old.Id}'");
        await _sop.InCampusAsync(async sp =>
        {
            var definitionId = await sp.GetRequiredService<SopDb>().Definitions.Where(d => d.Kode == "IPDN-BK-TERAPI").Select(d => d.Id).SingleAsync();
            var catalog = sp.GetRequiredService<SopCatalog>();
            var sop = (await catalog.FindAsync(definitionId, null))!.Value.Sop;
            await catalog.ImportAsync(sop with { RetensiHari = 365 }, "uji", "retensi satu tahun");
            await ActivatorUtilities.CreateInstance<RetentionTask>(sp).RunAsync(default);
            return 0;
        });
        Assert.Null(await TestDatabase.ScalarAsync(_ipdn.Database, $"SELECT 1 FROM sop.instances WHERE id = '{old.Id}'"));
        Assert.Null(await TestDatabase.ScalarAsync(_ipdn.Database, $"SELECT 1 FROM sop.events WHERE instance_id = '{old.Id}' LIMIT 1"));
        Assert.NotNull(await TestDatabase.ScalarAsync(_ipdn.Database, $"SELECT 1 FROM sop.instances WHERE id = '{kept.Id}'"));
    }
}

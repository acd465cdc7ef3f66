using CampusKonseling.Archive;
using CampusKonseling.Archive.Search;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Archive;

/// <summary>Indonesian full-text search over the archive, with counseling text searchable only by who may read it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ArchiveSearchTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _in = null!;
    private static readonly DateTimeOffset Closed = new(2025, 10, 6, 3, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "arsip");
        _in = new SopHarness(platform, _campus);
        ArchiveEntry Entry(string id, string judul, string bidang, string umum, string? konseling, string konselor, string nama = "Klien", string? nim = null, int tahun = 2025) =>
            new("kasus", id, judul, $"KS-{tahun}-{id}", "IK-KA-INISIATIF", "Layanan Konseling Mahasiswa Inisiatif Sendiri", "Mahasiswa", bidang, "Online", konselor, konselor,
                nama, nim, Closed.AddYears(tahun - 2025).AddDays(-10), Closed.AddYears(tahun - 2025), "selesai", umum, konseling, id == "002" ? "Unit Rujukan" : "Bagian Konseling & Asesmen");
        await _in.InCampusAsync(async sp =>
        {
            var archive = sp.GetRequiredService<IArchive>();
            await archive.FileAsync(Entry("001", "Konseling karier alumni", "Karier", "Alumni membutuhkan layanan konseling karier setelah lulus.", "Klien merasa cemas dan takut gagal.", "konselor-a", "Budi Santoso", "2019001122"));
            await archive.FileAsync(Entry("002", "Rujukan ke RS Jiwa", "Personal", "Pelayanan rujukan ke RS Jiwa dr. Amino; surat rujukan dikirim.", "Gejala depresi berat, perlu psikiater.", "konselor-b"));
            await archive.FileAsync(Entry("003", "Konseling akademik", "Akademik", "Mahasiswa membutuhkan bimbingan belajar; konseling karier tidak diperlukan.", null, "konselor-a", tahun: 2024));
            await archive.FileAsync(Entry("004", "Asesmen psikologi", "Personal", "Tes psikologis dan wawancara asesmen.", "Skor depresi sedang.", "konselor-a"));
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<SearchResult> SearchAsync(string q, string reader = "staf-tu", bool all = false, SearchRequest? filters = null) =>
        _in.InCampusAsync(sp => sp.GetRequiredService<ArchiveSearch>().SearchAsync(new Reader(reader, all), (filters ?? new SearchRequest(null)) with { Q = q }));

    private static string[] Ids(SearchResult r) => r.Hits.Select(h => h.SubjekId).Order().ToArray();

    [Fact]
    public async Task Indonesian_words_are_stemmed_and_phrases_prefixes_and_exclusions_work()
    {
        // "layanan" and "pelayanan" share the stem "layan"; "membutuhkan" finds "butuh".
        Assert.Equal(["001", "002"], Ids(await SearchAsync("layanan")));
        Assert.Equal(["001", "003"], Ids(await SearchAsync("butuh")));
        // The phrase is exact; the two words alone are not.
        Assert.Equal(["001", "003"], Ids(await SearchAsync("konseling karier")));
        Assert.Equal(["001", "003"], Ids(await SearchAsync("\"konseling karier\"")));
        Assert.Equal(["003"], Ids(await SearchAsync("\"karier tidak\"")));
        Assert.Equal(["004"], Ids(await SearchAsync("psiko*")));
        Assert.Equal(["001"], Ids(await SearchAsync("\"konseling karier\" -akademik")));
        // Title and numbers weigh above the body.
        Assert.Equal("003", (await SearchAsync("akademik")).Hits[0].SubjekId);
        // Names and student numbers despite a small typo.
        Assert.Equal(["001"], Ids(await SearchAsync("Budi Santosa")));
        Assert.Equal(["001"], Ids(await SearchAsync("2019001122")));
    }

    [Fact]
    public async Task Facet_counts_add_up_to_the_filtered_result()
    {
        var all = await SearchAsync("");
        Assert.Equal(4, all.Total);
        foreach (var facet in all.Facets.Where(f => f.Kolom is "bidang" or "tahun" or "konselor_nama" or "unit"))
            Assert.Equal(all.Total, facet.Nilai.Sum(v => v.Jumlah));
        var personal = await SearchAsync("", filters: new SearchRequest(null, Bidang: "Personal"));
        Assert.Equal(2, personal.Total);
        Assert.Equal(all.Facets.Single(f => f.Kolom == "bidang").Nilai.Single(v => v.Nilai == "Personal").Jumlah, personal.Total);
        Assert.Equal(["002"], Ids(await SearchAsync("", filters: new SearchRequest(null, Unit: "Unit Rujukan"))));
        var year = await SearchAsync("konseling", filters: new SearchRequest(null, Tahun: 2024));
        Assert.Equal(["003"], Ids(year));
        Assert.Equal(year.Total, year.Facets.Single(f => f.Kolom == "semester").Nilai.Sum(v => v.Jumlah));
    }

    [Fact]
    public async Task Counseling_text_is_found_only_by_its_counselor_and_never_shows_to_others()
    {
        // TU: no hit, no snippet from counseling text.
        Assert.Empty((await SearchAsync("depresi")).Hits);
        Assert.Empty((await SearchAsync("cemas")).Hits);
        // The counselor of case 004 finds it (and only their own), with a snippet from the decrypted text.
        var mine = await SearchAsync("depresi", reader: "konselor-a");
        Assert.Equal(["004"], Ids(mine));
        Assert.True(mine.Hits[0].DariKonseling);
        Assert.Contains("<mark>depresi</mark>", mine.Hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        // A reader granted every case's counseling notes finds both.
        Assert.Equal(["002", "004"], Ids(await SearchAsync("depresi", reader: "kepala", all: true)));
        // The database holds no readable counseling words.
        var stored = await TestDatabase.ScalarAsync(_campus.Database, "SELECT string_agg(coalesce(konseling_teks, '') || array_to_string(konseling_token, ' ') || coalesce(cari::text, ''), ' ') FROM arsip.records");
        Assert.DoesNotContain("depresi", (string)stored!);
        Assert.DoesNotContain("cemas", (string)stored!);
    }

    [Fact]
    public async Task Another_campus_finds_nothing_of_this_one()
    {
        var other = await platform.CreateTenantAsync("konseling-asesmen", "arsiplain");
        var result = await new SopHarness(platform, other).InCampusAsync(sp => sp.GetRequiredService<ArchiveSearch>().SearchAsync(new Reader("x", true), new SearchRequest("layanan")));
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Staff_save_searches_export_the_list_without_counseling_text_and_use_the_api()
    {
        using var staf = platform.Client();
        await staf.SignInAsync(_campus.Prefix, await _in.EmailOfAsync("Staf Konseling & Asesmen"), "Demo12345");
        var (_, page) = await staf.PageAsync($"{_campus.Prefix}/admin/arsip?Q=layanan&Bidang=Personal");
        Assert.Equal("1 hasil", page.QuerySelector("#jumlah")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-facet='bidang'] .count")!.TextContent);
        using var saved = await staf.SubmitAsync(page, "form.save-search", new Dictionary<string, string> { ["NamaPencarian"] = "Rujukan personal" }, $"{_campus.Prefix}/admin/arsip?handler=Simpan");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var (_, again) = await staf.PageAsync($"{_campus.Prefix}/admin/arsip");
        Assert.Contains("Bidang=Personal", again.QuerySelector("[data-tersimpan='Rujukan personal'] a")!.GetAttribute("href"));

        // The staff role heads the unit in this campus, so it may export: staff text matches only, no counseling words,
        // not even of the cases it counseled itself (which its own search finds by them).
        var me = (await _in.ActorAsync("Staf Konseling & Asesmen")).Id;
        await _in.InCampusAsync(async sp => { await sp.GetRequiredService<IArchive>().FileAsync(new ArchiveEntry("kasus", "005", "Konseling pribadi", "KS-2025-005", "IK-KA-INISIATIF",
            "Layanan Konseling Mahasiswa Inisiatif Sendiri", "Mahasiswa", "Personal", "Online", me, "Staf", "Klien", null, Closed.AddDays(-10), Closed, "selesai",
            "Sesi tatap muka.", "Klien bercerita tentang depresi ringan.", "Bagian Konseling & Asesmen")); return 0; });
        var (_, mine) = await staf.PageAsync($"{_campus.Prefix}/admin/arsip?Q=depresi");
        Assert.Contains("KS-2025-005", mine.QuerySelector("main")!.TextContent);
        using var csv = await staf.GetAsync($"{_campus.Prefix}/admin/arsip?Q=depresi&handler=Csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("KS-2025-004", text);
        Assert.DoesNotContain("KS-2025-005", text);
        using var all = await staf.GetAsync($"{_campus.Prefix}/admin/arsip?Q=layanan&handler=Csv");
        Assert.Contains("KS-2025-001", await all.Content.ReadAsStringAsync());
        using var dosen = platform.Client();
        await dosen.SignInAsync(_campus.Prefix, await _in.EmailOfAsync("Dosen Pembimbing Akademik"), "Demo12345");
        using var refused = await dosen.GetAsync($"{_campus.Prefix}/admin/arsip?Q=layanan&handler=Csv");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);

        // The API answers the same search, with facets, for a signed-in reader.
        using var api = await staf.GetAsync($"{_campus.Prefix}/api/v1/arsip?q=%22konseling%20karier%22&pageSize=10");
        var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Contains(json.GetProperty("faset").EnumerateArray(), f => f.GetProperty("kolom").GetString() == "tahun");
    }

    [Fact]
    public async Task An_old_archive_is_imported_in_bulk_and_searchable_like_filed_cases()
    {
        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, page) = await admin.PageAsync($"{_campus.Prefix}/admin/arsip");
        var records = Enumerable.Range(1, 3).Select(i => new
        {
            jenis = "kasus-lama", subjekId = $"lama-{i}", judul = $"Arsip lama {i}", nomor = $"AL-2019-{i:000}", sopKode = "IK-KA-INISIATIF", sopJudul = "Layanan Konseling Mahasiswa Inisiatif Sendiri",
            jenisKlien = "Mahasiswa", bidang = "Karier", saluran = "Tatap muka", konselorId = "konselor-lama", konselorNama = "Konselor Lama", nama = $"Alumni {i}", nim = $"20150000{i}",
            dibuka = "2019-02-01T00:00:00Z", ditutup = "2019-03-01T00:00:00Z", hasil = "selesai", teksUmum = "Pendampingan perencanaan karier alumni.", teksKonseling = i == 2 ? "Klien mengalami kecemasan wawancara kerja." : null,
        }).ToList();
        using var bad = await admin.Http.PostAsync($"{_campus.Prefix.TrimStart('/')}/api/v1/arsip/impor", System.Net.Http.Json.JsonContent.Create(new[] { new { jenis = "", subjekId = "x", judul = "" } }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        using var imported = await admin.Http.PostAsync($"{_campus.Prefix.TrimStart('/')}/api/v1/arsip/impor", System.Net.Http.Json.JsonContent.Create(records));
        Assert.Equal(System.Net.HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("\"diarsipkan\":3", await imported.Content.ReadAsStringAsync());
        using var again = await admin.Http.PostAsync($"{_campus.Prefix.TrimStart('/')}/api/v1/arsip/impor", System.Net.Http.Json.JsonContent.Create(records));
        Assert.Contains("\"dilewati\":3", await again.Content.ReadAsStringAsync());

        Assert.Equal(["lama-1", "lama-2", "lama-3"], Ids(await SearchAsync("perencanaan karier")));
        Assert.Empty((await SearchAsync("kecemasan wawancara")).Hits);
        Assert.Equal(["lama-2"], Ids(await SearchAsync("kecemasan wawancara", reader: "konselor-lama")));
    }
}

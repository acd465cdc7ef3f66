using System.Net;
using CampusKonseling.Archive.Search;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Archive;

/// <summary>
/// An archive above <see cref="ArchiveSearch.ExactArchive"/> records: a word most records contain is a broad query —
/// counted from a sample and ranked among the newest matches — while a selective one stays exact.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BroadQueryTests(PlatformFixture platform)
{
    private const int Records = 60_000;

    [Fact]
    public async Task A_common_word_is_estimated_and_ranked_among_the_newest_while_a_rare_one_is_exact()
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "arsipluas");
        var sop = new SopHarness(platform, campus);
        // Every record has "konseling"; one in 20 has "psikiater"; one in 1,000 has "skizofrenia". Closed over 2021–2025.
        await TestDatabase.ExecuteAsync(campus.Database, $"""
            INSERT INTO arsip.records (id, jenis, subjek_id, judul, tahun, semester, bidang, dibuka, ditutup, teks_umum, cari, konseling_token, diarsipkan_pada, versi)
            SELECT gen_random_uuid(), 'kasus', 'luas-' || i, 'Kasus ' || i, extract(year FROM t)::int, 'Ganjil', (ARRAY['Akademik','Personal','Karier','Sosial'])[1 + i % 4],
                   t - interval '10 days', t, txt, to_tsvector('indonesian', txt), ARRAY[]::text[], now(), 0
            FROM (SELECT i, timestamptz '2021-01-01' + (i * interval '43 minutes') AS t,
                         'Layanan konseling mahasiswa dicatat oleh staf.' || CASE WHEN i % 20 = 0 THEN ' Rujukan ke psikiater.' ELSE '' END
                                                                           || CASE WHEN i % 1000 = 0 THEN ' Diagnosis skizofrenia.' ELSE '' END AS txt
                  FROM generate_series(1, {Records}) AS i) g;
            ANALYZE arsip.records;
            """);
        Task<SearchResult> Search(string q, bool byDate = false, int page = 1, string? bidang = null) =>
            sop.InCampusAsync(sp => sp.GetRequiredService<ArchiveSearch>().SearchAsync(new Reader("staf", false), new SearchRequest(q, UrutTanggal: byDate, Page: page, Bidang: bidang)));

        var broad = await Search("konseling");
        Assert.True(broad.Perkiraan);
        Assert.InRange(broad.Total, Records * 0.85, Records * 1.15);                     // from a sample of the pages
        Assert.Equal(20, broad.Hits.Count);
        // Relevance picks among the newest matches: every hit is from the newest Candidates records.
        var newest = DateTimeOffset.Parse("2021-01-01T00:00:00Z").AddMinutes(43.0 * (Records - ArchiveSearch.Candidates));
        Assert.All(broad.Hits, h => Assert.True(h.Ditutup >= newest, $"{h.SubjekId} closed {h.Ditutup}"));
        // The facet counts of the sample add up to its total, as the exact ones do.
        Assert.InRange(broad.Facets.Single(f => f.Kolom == "bidang").Nilai.Sum(v => v.Jumlah), broad.Total - 4, broad.Total + 4);
        // By date, every match can still be paged through, newest first.
        var late = await Search("konseling", byDate: true, page: 2000);
        Assert.Equal($"luas-{Records - 1999 * 20}", late.Hits[0].SubjekId);

        // 5 % of the archive (all of it Akademik: a number divisible by 20 is by 4), with a filter: counted exactly.
        var filtered = await Search("psikiater", bidang: "Akademik");
        Assert.False(filtered.Perkiraan);
        Assert.Equal(Records / 20, filtered.Total);
        var rare = await Search("skizofrenia");
        Assert.False(rare.Perkiraan);
        Assert.Equal(Records / 1000, rare.Total);

        // The staff page says the count is an estimate and offers only the candidates' pages.
        using var staf = platform.Client();
        await staf.SignInAsync(campus.Prefix, await sop.EmailOfAsync("Staf Konseling & Asesmen"), "Demo12345");
        var (status, page) = await staf.PageAsync($"{campus.Prefix}/admin/arsip?Q=konseling");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Sekitar", page.QuerySelector("#jumlah")!.TextContent);
        Assert.Contains($"dari {ArchiveSearch.Candidates / 20}", page.QuerySelector(".pager")!.TextContent);
    }

    [Fact]
    public async Task A_counselors_common_word_in_their_own_notes_is_estimated_from_a_sample_of_their_own_matches_and_a_rare_one_is_exact()
    {
        const int all = 150_000;
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "arsipsaya");
        var sop = new SopHarness(platform, campus);
        var (cemas, halusinasi) = await sop.InCampusAsync(async sp =>
        {
            var words = sp.GetRequiredService<CounselingWords>();
            return (await words.TokensAsync("cemas", default), await words.TokensAsync("halusinasi", default));
        });
        // One record in ten is Maya's; of hers, two in five have "cemas" in the notes (6,000: 4 % of the archive, too few
        // for the sample rule alone) and one in a thousand "halusinasi". Another counselor's notes have "cemas" too, and
        // 150 records of other counselors have it in their staff text.
        await TestDatabase.ExecuteAsync(campus.Database, $"""
            INSERT INTO arsip.records (id, jenis, subjek_id, judul, tahun, semester, bidang, konselor_id, konselor_nama, dibuka, ditutup, teks_umum, cari, konseling_token, diarsipkan_pada, versi)
            SELECT gen_random_uuid(), 'kasus', 'saya-' || i, 'Kasus ' || i, extract(year FROM t)::int, 'Ganjil', (ARRAY['Akademik','Personal','Karier','Sosial'])[1 + i % 4],
                   CASE WHEN i % 10 = 0 THEN 'maya' ELSE 'lain-' || i % 7 END, CASE WHEN i % 10 = 0 THEN 'Maya Sari' ELSE 'Konselor ' || i % 7 END,
                   t - interval '10 days', t, teks, to_tsvector('indonesian', teks),
                   CASE WHEN i % 50 = 0 OR i % 50 = 20 OR i % 100 = 3 THEN ARRAY['{cemas[0]}'] WHEN i % 10000 = 0 THEN ARRAY['{halusinasi[0]}'] ELSE ARRAY[]::text[] END,
                   now(), 0
            FROM (SELECT i, timestamptz '2021-01-01' + (i * interval '17 minutes') AS t,
                         CASE WHEN i % 1000 = 7 THEN 'Mahasiswa tampak cemas saat datang.' ELSE 'Layanan dicatat oleh staf.' END AS teks
                  FROM generate_series(1, {all}) AS i) g;
            UPDATE arsip.records SET konseling_token = konseling_token || ARRAY['{halusinasi[0]}'] WHERE konselor_id = 'maya' AND (substring(subjek_id from 6))::int % 10000 = 0;
            ANALYZE arsip.records;
            """);
        Task<SearchResult> Search(string who, string q, string? bidang = null, int page = 1) =>
            sop.InCampusAsync(sp => sp.GetRequiredService<ArchiveSearch>().SearchAsync(new Reader(who, false), new SearchRequest(q, Bidang: bidang, Page: page)));
        static string[] Ids(IEnumerable<int> numbers) => numbers.Select(i => $"saya-{i}").ToArray();
        var staffMatches = Enumerable.Range(1, all).Where(i => i % 1000 == 7).OrderDescending().ToList();
        var hers = Enumerable.Range(1, all).Where(i => i % 50 is 0 or 20).OrderDescending().ToList();

        var own = await Search("maya", "cemas");
        Assert.True(own.Perkiraan);
        Assert.InRange(own.Total, 150 + 6_000 * 0.8, 150 + 6_000 * 1.2);                   // her notes from a sample of them
        // The staff text's matches rank above notes (which have no rank), newest first; no one else's notes.
        Assert.Equal(Ids(staffMatches.Take(20)), own.Hits.Select(h => h.SubjekId));
        Assert.All(own.Hits, h => Assert.False(h.DariKonseling));
        var names = own.Facets.Single(f => f.Kolom == "konselor_nama").Nilai;
        Assert.Equal(150, names.Where(v => v.Nilai != "Maya Sari").Sum(v => v.Jumlah));     // the staff text's arm is counted exactly
        Assert.InRange(own.Facets.Single(f => f.Kolom == "bidang").Nilai.Sum(v => v.Jumlah), own.Total - 4, own.Total + 4);
        // Past the 150 staff matches come the newest of her own notes.
        var eighth = await Search("maya", "cemas", page: 8);
        Assert.Equal(Ids(staffMatches.Skip(140).Concat(hers.Take(10))), eighth.Hits.Select(h => h.SubjekId));
        Assert.All(eighth.Hits.Skip(10), h => Assert.True(h.DariKonseling));

        // A rare word of hers stays exact.
        var rare = await Search("maya", "halusinasi");
        Assert.False(rare.Perkiraan);
        Assert.Equal(all / 10_000, rare.Total);
        // With a filter her records do not meet, the planner still expects 1,500 of hers; the sample finds none, so
        // they are counted exactly: nothing, and the count says so.
        var filtered = await Search("maya", "cemas", bidang: "Personal");
        Assert.False(filtered.Perkiraan);
        Assert.Equal(staffMatches.Count(i => i % 4 == 1), filtered.Total);
        // Another counselor with few such notes counts exactly, and only their own notes.
        var other = await Search("lain-3", "cemas");
        Assert.False(other.Perkiraan);
        Assert.Equal(Enumerable.Range(1, all).Count(i => (i % 100 == 3 && i % 7 == 3) || i % 1000 == 7), other.Total);
    }

    private const int Candidates = ArchiveSearch.Candidates;
}

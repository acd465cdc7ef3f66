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
        // for the sample rule alone) and one in a thousand "halusinasi". Another counselor's notes have "cemas" too.
        // "cemas" is also in the staff text of 500 of the newest records of other counselors, and twice (so they rank
        // higher) in that of 150 records of hers spread over the years (in her notes too). Half the records, hers only
        // among those 150, were referred ("dirujuk").
        await TestDatabase.ExecuteAsync(campus.Database, $"""
            INSERT INTO arsip.records (id, jenis, subjek_id, judul, tahun, semester, bidang, konselor_id, konselor_nama, dibuka, ditutup, hasil, teks_umum, cari, konseling_token, diarsipkan_pada, versi)
            SELECT gen_random_uuid(), 'kasus', 'saya-' || i, 'Kasus ' || i, extract(year FROM t)::int, 'Ganjil', (ARRAY['Akademik','Personal','Karier','Sosial'])[1 + i % 4],
                   CASE WHEN i % 10 = 0 THEN 'maya' ELSE 'lain-' || i % 7 END, CASE WHEN i % 10 = 0 THEN 'Maya Sari' ELSE 'Konselor ' || i % 7 END,
                   t - interval '10 days', t, CASE WHEN i % 2 = 1 OR i % 1000 = 500 THEN 'dirujuk' ELSE 'selesai' END, teks, to_tsvector('indonesian', teks),
                   CASE WHEN i % 50 = 0 OR i % 50 = 20 OR i % 100 = 3 THEN ARRAY['{cemas[0]}'] WHEN i % 10000 = 0 THEN ARRAY['{halusinasi[0]}'] ELSE ARRAY[]::text[] END,
                   now(), 0
            FROM (SELECT i, timestamptz '2021-01-01' + (i * interval '17 minutes') AS t,
                         CASE WHEN i % 1000 = 500 THEN 'Mahasiswa tampak cemas, sangat cemas saat datang.'
                              WHEN i > {all - 10_000} AND i % 20 = 7 THEN 'Mahasiswa tampak cemas saat datang.' ELSE 'Layanan dicatat oleh staf.' END AS teks
                  FROM generate_series(1, {all}) AS i) g;
            UPDATE arsip.records SET konseling_token = konseling_token || ARRAY['{halusinasi[0]}'] WHERE konselor_id = 'maya' AND (substring(subjek_id from 6))::int % 10000 = 0;
            ANALYZE arsip.records;
            """);
        Task<SearchResult> Search(string who, string q, string? bidang = null, string? hasil = null, int page = 1) =>
            sop.InCampusAsync(sp => sp.GetRequiredService<ArchiveSearch>().SearchAsync(new Reader(who, false), new SearchRequest(q, Bidang: bidang, Hasil: hasil, Page: page)));
        static string[] Ids(IEnumerable<int> numbers) => numbers.Select(i => $"saya-{i}").ToArray();
        var others = Enumerable.Range(1, all).Where(i => i > all - 10_000 && i % 20 == 7).ToList();
        var staffMatches = Enumerable.Range(1, all).Where(i => (i > all - 10_000 && i % 20 == 7) || i % 1000 == 500).OrderDescending().ToList();
        // Relevance: her records with the word twice first, then the others, newest first within each.
        var ranked = staffMatches.Take(Candidates).OrderByDescending(i => i % 1000 == 500).ThenByDescending(i => i).ToList();
        var notesOnly = Enumerable.Range(1, all).Where(i => i % 50 is 0 or 20 && i % 1000 != 500).OrderDescending().ToList();

        var own = await Search("maya", "cemas");
        Assert.True(own.Perkiraan);
        Assert.InRange(own.Total, others.Count + 6_000 * 0.8, others.Count + 6_000 * 1.2);   // her notes from a sample of them
        // The staff text's matches rank above notes (which have no rank); no one else's notes.
        Assert.Equal(Ids(ranked.Take(20)), own.Hits.Select(h => h.SubjekId));
        var names = own.Facets.Single(f => f.Kolom == "konselor_nama").Nilai;
        Assert.Equal(others.Count, names.Where(v => v.Nilai != "Maya Sari").Sum(v => v.Jumlah));   // the staff text's arm is counted exactly
        Assert.InRange(own.Facets.Single(f => f.Kolom == "bidang").Nilai.Sum(v => v.Jumlah), own.Total - 4, own.Total + 4);
        // Page after page the same candidates: the 500 newest staff matches, each once (a record of hers that matches
        // both, ranks high and is older than those is not brought in above them by a later page), then her notes.
        var pages = new List<string>();
        for (var page = 1; page <= Candidates / 20; page++) pages.AddRange((await Search("maya", "cemas", page: page)).Hits.Select(h => h.SubjekId));
        Assert.Equal(Ids(ranked), pages);
        var after = await Search("maya", "cemas", page: Candidates / 20 + 1);
        Assert.Equal(Ids(notesOnly.Take(20)), after.Hits.Select(h => h.SubjekId));
        Assert.All(after.Hits, h => Assert.True(h.DariKonseling));

        // A rare word of hers stays exact.
        var rare = await Search("maya", "halusinasi");
        Assert.False(rare.Perkiraan);
        Assert.Equal(all / 10_000, rare.Total);
        // With a filter her records do not meet, the planner still expects 1,500 of hers; the sample finds none, so
        // they are counted exactly: nothing, and the count says it is exact.
        var filtered = await Search("maya", "cemas", bidang: "Personal");
        Assert.False(filtered.Perkiraan);
        Assert.Equal(staffMatches.Count(i => i % 4 == 1), filtered.Total);
        // Referred: the planner expects half her 6,000; the sample holds a few of the 150, so they are counted exactly,
        // and those whose staff text matches too are counted once.
        var referred = await Search("maya", "cemas", hasil: "dirujuk");
        Assert.False(referred.Perkiraan);
        Assert.Equal(others.Count + all / 1000, referred.Total);
        // Another counselor with few such notes counts exactly, and only their own notes.
        var other = await Search("lain-3", "cemas");
        Assert.False(other.Perkiraan);
        Assert.Equal(Enumerable.Range(1, all).Count(i => (i % 100 == 3 && i % 7 == 3) || staffMatches.Contains(i)), other.Total);
    }

    private const int Candidates = ArchiveSearch.Candidates;
}

using Npgsql;

namespace CampusKonseling.Archive.Search;

/// <summary>
/// A counselor searching words of their own notes. Their matches are among their own records only — one in thirty of
/// the archive or fewer — so a sample of the archive's pages would read thousands of pages to find a few hundred of
/// them. Their notes are therefore counted apart from the staff text: through the index of their own tokens, sampled
/// inside it by a bucket of the record's id (CounselorSampleIndex) when they are many; the staff text and name of every
/// record (theirs or not) as any other query's.
/// </summary>
public sealed partial class ArchiveSearch
{
    /// <summary>
    /// Up to this many matches in a counselor's own notes are counted exactly: each is a visit to a record scattered over
    /// the archive (about 10 µs from the page cache), so this many cost about 10 ms.
    /// </summary>
    public const int OwnExactMatches = 1_000;

    /// <summary>How many buckets <c>arsip.sampel_konselor</c> puts a counselor's records in (its <c>&amp; 255</c>).</summary>
    private const int Buckets = 256;

    /// <summary>A record's counseling tokens as its counselor's own (the expression of the index CounselorTokenIndex).</summary>
    private const string OwnTokens = "arsip.token_konselor(r.konselor_id, r.konseling_token)";

    /// <param name="Notes">The condition of the counselor's own notes having the words.</param>
    /// <param name="StaffText">The condition of a record's staff text, name or NIM matching.</param>
    /// <param name="Ranked">The condition of a record's title and staff text matching (what relevance ranks).</param>
    /// <param name="Filters">The filters, each as " AND …".</param>
    private sealed record Own(string Notes, string StaffText, string Ranked, string Filters);

    /// <summary>
    /// Each arm broad or exact on its own: the counselor's notes when more than <see cref="OwnExactMatches"/> of them are
    /// expected to match, sampled to about <see cref="SampleMatches"/> of them by the lowest buckets; the staff text by the
    /// rule of every query, sampled from the archive's pages, and without the records the first arm counts.
    /// </summary>
    private static async Task<IReadOnlyList<Arm>?> OwnBroadAsync(Func<string, NpgsqlCommand> command, Own own, double rows, bool oneYear, string[] tokens, CancellationToken ct)
    {
        var mine = await OwnMatchesAsync(command, tokens, own.Filters, ct);
        var staff = await EstimateAsync(command, own.StaffText + own.Filters, ct);
        var mineBroad = mine > OwnExactMatches;
        var staffBroad = IsBroad(staff, rows, oneYear);
        if (!mineBroad && !staffBroad) return null;
        var notes = own.Notes + own.Filters;
        var staffText = $"{own.StaffText}{own.Filters} AND NOT coalesce({own.Notes}, false)";
        // Above OwnExactMatches her first buckets hold about SampleMatches of them (at most 77 of 256).
        var buckets = (int)Math.Clamp(Math.Ceiling(Buckets * (double)SampleMatches / Math.Max(1, mine)), 1, Buckets);
        var percent = staffBroad ? SamplePercent(staff, rows) : 100.0;
        return
        [
            mineBroad
                ? new Arm(Records, $"{notes} AND arsip.sampel_konselor(r.konselor_id, r.id) && ARRAY(SELECT @me || ':' || b FROM generate_series(0, {buckets - 1}) b)",
                    (double)Buckets / buckets, new Arm(Records, notes, 1, Notes: true), Notes: true)
                : new Arm(Records, notes, 1, Notes: true),
            staffBroad ? new Arm(Sampled(percent), staffText, 100.0 / percent, new Arm(Records, staffText, 1)) : new Arm(Records, staffText, 1),
        ];
    }

    /// <summary>
    /// At most how many of the counselor's records have the words: the planner's estimate for the rarest of them among
    /// their own tokens. The planner multiplies the words' shares as if unrelated, and words searched together are
    /// found together; the rarest bounds them.
    /// </summary>
    private static async Task<double> OwnMatchesAsync(Func<string, NpgsqlCommand> command, string[] tokens, string filters, CancellationToken ct)
    {
        var least = double.MaxValue;
        foreach (var token in tokens.Take(8))
        {
            await using var explain = command($"EXPLAIN (FORMAT JSON) SELECT 1 FROM arsip.records r WHERE {OwnTokens} @> arsip.token_konselor(@me, ARRAY[@t]::text[]){filters}");
            explain.Parameters.Add(new NpgsqlParameter("t", token));
            using var plan = System.Text.Json.JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(ct))!);
            least = Math.Min(least, PlanRows(plan));
        }
        return least == double.MaxValue ? 0 : least;
    }

    /// <summary>
    /// The candidates of a counselor's broad search of their own words: the newest matches of the staff text (every
    /// record), and the newest <paramref name="mine"/> matches of their own notes among records whose title and staff
    /// text do not match. Those rank 0 (relevance ranks the title and staff text), so among them the newest come first,
    /// and a page needs no more of them than it shows and skips: the candidates it draws from are the same whatever the
    /// page (a record of theirs whose staff text matches is a candidate only as a staff match, or a later page would
    /// bring it in above the ones before). Many matches (<paramref name="walk"/>: their notes were sampled) are found by
    /// walking their records newest first, a few records per match; the token test is kept out of the indexes there
    /// (<c>IS TRUE</c>), since the planner, multiplying the words' shares, took the index of every counselor's tokens and
    /// visited each of their matches (2,341 of them, 157 ms, for 20). Fewer matches are all read through the index of
    /// their own tokens and sorted.
    /// </summary>
    private static string NewestOwn(Own own, int? tahun, int mine, bool walk) => $"""
        (SELECT r.id FROM arsip.records r WHERE {own.StaffText}{own.Filters}{YearBound(tahun)} ORDER BY r.ditutup DESC NULLS LAST, r.id LIMIT {Candidates})
        UNION
        (SELECT r.id FROM arsip.records r WHERE {(walk ? "r.konselor_id = @me AND (r.konseling_token @> @tokens) IS TRUE" : own.Notes)} AND NOT coalesce({own.Ranked}, false){own.Filters}{YearBound(tahun)}
            ORDER BY r.ditutup DESC NULLS LAST, r.id LIMIT {mine})
        """;
}

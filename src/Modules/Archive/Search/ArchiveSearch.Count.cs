using System.Globalization;
using Npgsql;

namespace CampusKonseling.Archive.Search;

/// <summary>
/// Counting a query's matches: the total and every facet in one scan of the matching rows (GROUPING SETS), over each
/// part of the query (an arm) at once — every match of a selective arm, a sample of a broad one, scaled.
/// </summary>
public sealed partial class ArchiveSearch
{
    /// <summary>
    /// Part of a query's matches and how they are counted: the rows of <c>From</c> meeting <c>Where</c>, each standing for
    /// <c>Weight</c> matches (1 when every row is read; more for a sample).
    /// </summary>
    /// <param name="Exact">The same arm read whole, for when its sample holds too few rows to scale (the estimate was far off).</param>
    /// <param name="Notes">Whether the arm is a counselor's own notes.</param>
    private sealed record Arm(string From, string Where, double Weight, Arm? Exact = null, bool Notes = false);

    /// <summary>A sample holding fewer matches than this does not scale well: its arm is counted exactly instead.</summary>
    private const int FewSampled = SampleMatches / 10;

    private const string Records = "arsip.records r";

    /// <summary>The archive's pages sampled: <paramref name="percent"/> of them, the same ones for the same share.</summary>
    private static string Sampled(double percent) => $"arsip.records r TABLESAMPLE SYSTEM ({percent.ToString(CultureInfo.InvariantCulture)}) REPEATABLE (0)";

    /// <summary>The share of the archive's pages a sample reads: <see cref="SampleRows"/> rows, or more so that about <see cref="SampleMatches"/> matches are in it.</summary>
    private static double SamplePercent(double estimate, double rows) =>
        Math.Min(100.0, Math.Round(Math.Max(100.0 * SampleRows / rows, 100.0 * SampleMatches / estimate), 3));

    /// <summary>One arm's rows found: in all, and per facet column and value.</summary>
    private sealed class Tally
    {
        public long Found;
        public readonly Dictionary<(int Column, string Value), long> Values = [];
    }

    /// <summary>
    /// The total and the facets of every arm, each row weighted by its arm. An arm whose sample found fewer than
    /// <see cref="FewSampled"/> rows is counted again, alone and exactly: its matches are few, the planner's estimate
    /// was far off (a filter her records never meet looks like a share of them).
    /// </summary>
    /// <returns>The total, the facets, and the arms as counted (those with a weight above 1 are estimates).</returns>
    private static async Task<(int Total, Dictionary<string, List<(string, int)>> Facets, IReadOnlyList<Arm> Arms)> CountAsync(
        Func<string, NpgsqlCommand> command, IReadOnlyList<Arm> arms, CancellationToken ct)
    {
        var counted = arms.ToArray();
        var tallies = await TallyAsync(command, counted, ct);
        var again = Enumerable.Range(0, counted.Length).Where(i => counted[i].Exact is not null && tallies[i].Found < FewSampled).ToList();
        if (again.Count > 0)
        {
            foreach (var i in again) counted[i] = counted[i].Exact!;
            var exact = await TallyAsync(command, again.Select(i => counted[i]).ToList(), ct);
            for (var j = 0; j < again.Count; j++) tallies[again[j]] = exact[j];
        }
        var total = (int)Math.Round(tallies.Select((t, i) => t.Found * counted[i].Weight).Sum());
        var facets = FacetColumns.ToDictionary(c => c, _ => new List<(string, int)>());
        foreach (var value in tallies.SelectMany((t, i) => t.Values.Select(v => (v.Key, Count: v.Value * counted[i].Weight))).GroupBy(v => v.Key))
            facets[FacetColumns[value.Key.Column]].Add((value.Key.Value, (int)Math.Round(value.Sum(v => v.Count))));
        return (total, facets, counted);
    }

    /// <summary>One scan of the arms' rows (UNION ALL), grouped by arm alone and by arm and each facet column.</summary>
    private static async Task<Tally[]> TallyAsync(Func<string, NpgsqlCommand> command, IReadOnlyList<Arm> arms, CancellationToken ct)
    {
        var tallies = arms.Select(_ => new Tally()).ToArray();
        var columns = string.Join(", ", FacetColumns.Select(c => $"r.{c}"));
        var source = string.Join(" UNION ALL ", arms.Select((a, i) => $"SELECT {columns}, {i} AS arm FROM {a.From} WHERE {a.Where}"));
        await using var grouped = command($@"SELECT r.arm, {string.Join(", ", FacetColumns.Select(c => $"r.{c}::text"))}, GROUPING({columns}), count(*)
            FROM ({source}) r GROUP BY GROUPING SETS ({string.Join(", ", FacetColumns.Select(c => $"(r.arm, r.{c})"))}, (r.arm))");
        await using var rows = await grouped.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            var tally = tallies[rows.GetInt32(0)];
            var mask = rows.GetInt32(FacetColumns.Length + 1);
            var n = rows.GetInt64(FacetColumns.Length + 2);
            // GROUPING sets a column's bit (the first column is the highest) when the row does not group by it.
            var k = Enumerable.Range(0, FacetColumns.Length).FirstOrDefault(i => (mask & (1 << (FacetColumns.Length - 1 - i))) == 0, -1);
            if (k < 0) tally.Found = n;
            else tally.Values[(k, rows.IsDBNull(k + 1) ? "-" : rows.GetString(k + 1))] = n;
        }
        return tallies;
    }
}

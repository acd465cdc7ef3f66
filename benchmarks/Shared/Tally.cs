namespace CampusKonseling.Benchmarks;

/// <summary>How many of each thing were expected and how many were found, key by key (an exactly-once check).</summary>
public static class Tally
{
    /// <summary>Compares the counts per key; each key whose count differs adds a line of evidence (up to 60 in all).</summary>
    /// <returns>How many keys matched exactly, and how many things are missing and extra over all keys.</returns>
    public static (int Exact, int Missing, int Extra) Compare<TKey>(IReadOnlyDictionary<TKey, int> expected, IReadOnlyDictionary<TKey, int> actual,
        List<string> evidence, Func<TKey, int, int, string> describe) where TKey : notnull
    {
        int exact = 0, missing = 0, extra = 0;
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var (e, a) = (expected.GetValueOrDefault(key), actual.GetValueOrDefault(key));
            if (e == a) { exact++; continue; }
            if (a < e) missing += e - a;
            else extra += a - e;
            if (evidence.Count < 60) evidence.Add(describe(key, e, a));
        }
        return (exact, missing, extra);
    }

    /// <summary>A check's line in the results table: "n exactly, n missing, n extra, n unattributed", passed when nothing is off.</summary>
    public static (string Result, bool Ok) Line((int Exact, int Missing, int Extra) tally, int unattributed) =>
        ($"{tally.Exact} exactly, {tally.Missing} missing, {tally.Extra} extra, {unattributed} unattributed", tally.Missing == 0 && tally.Extra == 0 && unattributed == 0);
}

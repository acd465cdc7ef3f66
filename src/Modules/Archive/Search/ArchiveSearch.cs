using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Archive.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CampusKonseling.Archive.Search;

public sealed record SearchRequest(string? Q, string? Sop = null, int? Tahun = null, string? Semester = null, string? Bidang = null, string? Konselor = null,
    string? JenisKlien = null, string? Hasil = null, bool UrutTanggal = false, int Page = 1, int PageSize = 20, string? Unit = null);

/// <summary>Who searches: their user id (their own cases' counseling text) and whether they may read every case's.</summary>
/// <param name="HanyaTeksStaf">Search the staff text only, never counseling text, whoever reads (an export).</param>
public sealed record Reader(string UserId, bool SemuaKonseling, bool HanyaTeksStaf = false);

/// <param name="Snippet">HTML: the matching passage, encoded, with matches in &lt;mark&gt;; only from text the reader may see.</param>
public sealed record SearchHit(Guid Id, string Jenis, string SubjekId, string Judul, string? Nomor, string? SopJudul, string? Nama, DateTimeOffset? Ditutup, string? Snippet, bool DariKonseling)
{
    /// <summary>The record's short line (a programme's kind, attendance and report).</summary>
    public string? Keterangan { get; init; }
}

public sealed record Facet(string Kolom, IReadOnlyList<(string Nilai, int Jumlah)> Nilai);

/// <param name="Perkiraan">
/// True for a broad query (a word most records contain, or most of a counselor's own notes): the total and facet
/// counts are estimated from a sample (of the archive's pages, or of the counselor's own matches), and relevance ranks
/// the most recent <see cref="ArchiveSearch.Candidates"/> matches.
/// </param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<Facet> Facets, bool Perkiraan = false);

/// <summary>
/// Archive search in one query per concern, every filter — the reader's counseling rights included — inside
/// the SQL, never after paging: words and phrases ("konseling karier"), prefix (psiko*), exclusion (-kata),
/// facets with counts over the same filtered set, relevance (title and numbers above body) or date, snippets.
/// </summary>
public sealed partial class ArchiveSearch(ArchiveDb db, CounselingWords words)
{
    public static readonly string[] FacetColumns = ["sop_judul", "unit", "tahun", "semester", "bidang", "konselor_nama", "jenis_klien", "hasil"];
    private const char Start = '\u0001', Stop = '\u0002';

    public async Task<SearchResult> SearchAsync(Reader reader, SearchRequest r, CancellationToken ct = default)
    {
        var (web, prefixes, plain) = Parse(r.Q);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        // Whether the reader counsels any record matters only for words they may look for in their own notes.
        var (archived, counsels) = await ArchiveAsync(conn, reader.UserId, ask: plain.Length > 0 && !reader.SemuaKonseling && !reader.HanyaTeksStaf, ct);
        // Counseling words are looked for only by a reader who may read some: every case's, or those of the cases they counseled.
        var tokens = plain.Length == 0 || reader.HanyaTeksStaf || !(reader.SemuaKonseling || counsels) ? [] : await words.TokensAsync(plain, ct);
        var parameters = new List<NpgsqlParameter>
        {
            new("me", reader.UserId), new("web", web), new("raw", (r.Q ?? "").Trim()),
            new("tokens", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tokens },
        };
        var q = "websearch_to_tsquery('indonesian', @web)";
        for (var i = 0; i < prefixes.Count; i++)
        {
            parameters.Add(new($"p{i}", prefixes[i] + ":*"));
            q = web.Length == 0 && i == 0 ? $"to_tsquery('simple', @p{i})" : $"{q} && to_tsquery('simple', @p{i})";
        }
        var hasText = web.Length > 0 || prefixes.Count > 0;
        // Staff text, the name (a small typo allowed) and the NIM; and the counseling words the reader may search.
        // A counselor's own notes are read through the index of their own tokens (CounselorTokenIndex), never through
        // every counselor's records that have the word.
        var ownNotes = reader.SemuaKonseling ? "(cardinality(@tokens) > 0 AND r.konseling_token @> @tokens)" : $"(cardinality(@tokens) > 0 AND r.konselor_id = @me AND {OwnTokens} @> arsip.token_konselor(@me, @tokens))";
        // The title and staff text match: what relevance ranks and snippets are cut from.
        var ranked = $"r.cari @@ ({q})";
        var staffText = $"({ranked} OR (@raw <> '' AND (r.nama % @raw OR r.nim = @raw)))";
        // The reader's own notes first: a record of theirs is kept without matching its staff text and name (each row the
        // search reads is checked again against the whole condition), and another's fails at its counselor.
        var text = hasText ? $"({ownNotes} OR {staffText})" : "true";
        var filters = new List<string>();
        void Filter(string column, object? value, string name)
        {
            if (value is null || value is string { Length: 0 }) return;
            filters.Add($"r.{column} = @{name}");
            parameters.Add(new(name, value));
        }
        Filter("sop_judul", r.Sop, "f_sop");
        Filter("tahun", r.Tahun, "f_tahun");
        Filter("semester", r.Semester, "f_semester");
        Filter("bidang", r.Bidang, "f_bidang");
        Filter("konselor_nama", r.Konselor, "f_konselor");
        Filter("jenis_klien", r.JenisKlien, "f_jenis");
        Filter("hasil", r.Hasil, "f_hasil");
        Filter("unit", r.Unit, "f_unit");
        var condition = string.Join(" AND ", filters.Prepend(text));
        var andFilters = string.Concat(filters.Select(f => " AND " + f));
        // A counselor searching words of their own notes: those matches are among their records only.
        var own = hasText && !reader.SemuaKonseling && tokens.Length > 0 ? new Own(ownNotes, staffText, ranked, andFilters) : null;

        NpgsqlCommand Command(string sql)
        {
            var cmd = new NpgsqlCommand(sql, conn);
            foreach (var p in parameters) cmd.Parameters.Add(p.Clone());
            return cmd;
        }

        var broad = await BroadAsync(archived, Command, condition, r.Tahun is not null, own, tokens, ct);

        var (total, facetValues, counted) = await CountAsync(Command, broad ?? [new Arm(Records, condition, 1)], ct);
        var estimated = counted.Any(a => a.Weight > 1);

        var byDate = r.UrutTanggal || !hasText;
        var order = byDate ? "r.ditutup DESC NULLS LAST, r.id" : $"ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', r.cari, {q}) DESC, r.ditutup DESC NULLS LAST, r.id";
        var headline = hasText ? $"CASE WHEN {ranked} THEN ts_headline('indonesian', r.teks_umum, {q}, 'StartSel={Start}, StopSel={Stop}, MaxFragments=2, MaxWords=25, MinWords=8') END" : "NULL";
        var counselingHit = hasText ? $"({ownNotes} AND NOT coalesce({ranked}, false))" : "false";
        var hits = new List<(SearchHit Hit, string? Cipher)>();
        var size = Math.Clamp(r.PageSize, 1, 100);
        var offset = (Math.Max(1, r.Page) - 1) * size;
        await using (var page = Command($@"SELECT r.id, r.jenis, r.subjek_id, r.judul, r.nomor, r.sop_judul, r.nama, r.ditutup, {headline},
                {counselingHit}, CASE WHEN {counselingHit} THEN r.konseling_teks END, r.keterangan
            FROM {(!estimated || byDate ? $"arsip.records r WHERE {condition}"
                : own is not null ? $"arsip.records r WHERE r.id IN ({NewestOwn(own, r.Tahun, Math.Min(Candidates, offset + size), walk: counted.Any(a => a.Notes && a.Weight > 1))})"
                : $"(SELECT * FROM arsip.records r WHERE {condition}{YearBound(r.Tahun)} ORDER BY r.ditutup DESC NULLS LAST, r.id LIMIT {Candidates}) r")}
            ORDER BY {order} LIMIT {size} OFFSET {offset}"))
        await using (var reader2 = await page.ExecuteReaderAsync(ct))
            while (await reader2.ReadAsync(ct))
                hits.Add((new SearchHit(reader2.GetGuid(0), reader2.GetString(1), reader2.GetString(2), reader2.GetString(3), reader2.IsDBNull(4) ? null : reader2.GetString(4),
                    reader2.IsDBNull(5) ? null : reader2.GetString(5), reader2.IsDBNull(6) ? null : reader2.GetString(6), reader2.IsDBNull(7) ? null : reader2.GetFieldValue<DateTimeOffset>(7),
                    reader2.IsDBNull(8) ? null : Html(reader2.GetString(8)), reader2.GetBoolean(9)) { Keterangan = reader2.IsDBNull(11) ? null : reader2.GetString(11) },
                    reader2.IsDBNull(10) ? null : reader2.GetString(10)));

        // Counseling snippets: made from the decrypted text of rows the reader may see, never stored; one round trip for the page.
        var result = hits.Select(h => h.Hit).ToList();
        var sealedRows = hits.Select((h, i) => (h.Cipher, i)).Where(x => x.Cipher is not null && plain.Length > 0).ToList();
        if (sealedRows.Count > 0)
        {
            await using var cmd = new NpgsqlCommand($"SELECT ord, ts_headline('indonesian', t, plainto_tsquery('indonesian', $2), 'StartSel={Start}, StopSel={Stop}, MaxFragments=2, MaxWords=25, MinWords=8') FROM unnest($1::text[]) WITH ORDINALITY AS x(t, ord)", conn)
            {
                Parameters = { new() { Value = sealedRows.Select(x => words.Unprotect(x.Cipher!)).ToArray() }, new() { Value = plain } },
            };
            await using var snippets = await cmd.ExecuteReaderAsync(ct);
            while (await snippets.ReadAsync(ct))
            {
                var index = sealedRows[(int)snippets.GetInt64(0) - 1].i;
                result[index] = result[index] with { Snippet = Html(snippets.GetString(1)) };
            }
        }

        var facets = FacetColumns.Select(c => new Facet(c, facetValues[c].OrderByDescending(v => v.Item2).ThenBy(v => v.Item1, StringComparer.Ordinal).Take(30).ToList())).ToList();
        return new SearchResult(result, total, facets, estimated);
    }

    /// <summary>Archives up to this size are always counted and ranked exactly: a full scan of them is cheap.</summary>
    public const int ExactArchive = 50_000;

    /// <summary>A query is broad when the planner expects more matches than this and at least <see cref="BroadShare"/> of the archive.</summary>
    public const int ExactMatches = 5_000;
    public const double BroadShare = 0.05;

    /// <summary>
    /// How many rows the sample of a broad query reads at least, how many matches it should hold at least, and how many
    /// recent matches its relevance ranks.
    /// </summary>
    public const int SampleRows = 5_000, SampleMatches = 300, Candidates = 500;

    /// <summary>
    /// A year filter also bounds the newest-first scan of a broad query's candidates, so it starts at that year's end
    /// instead of walking past every later record (the year is the closing date's, a day's margin for time zones).
    /// </summary>
    private static string YearBound(int? tahun) => tahun is { } y and > 1900 and < 3000
        ? $" AND r.ditutup < timestamptz '{y + 1}-01-02 00:00:00+00'"
        : "";

    /// <summary>
    /// Whether a query is broad, from the planner's estimate (GIN statistics know how common a word is) — one
    /// EXPLAIN, no scan. A broad query's exact count and ranking would each read most of the archive. A query within
    /// one year is broad from <see cref="ExactMatches"/> on, whatever its share: the year bounds its candidates' scan.
    /// A counselor's search of their own words is decided arm by arm (<see cref="OwnBroadAsync"/>).
    /// </summary>
    private static async Task<IReadOnlyList<Arm>?> BroadAsync(double rows, Func<string, NpgsqlCommand> command, string condition, bool oneYear, Own? own, string[] tokens, CancellationToken ct)
    {
        if (rows <= ExactArchive) return null;
        if (own is not null) return await OwnBroadAsync(command, own, rows, oneYear, tokens, ct);
        var estimate = await EstimateAsync(command, condition, ct);
        if (!IsBroad(estimate, rows, oneYear)) return null;
        var percent = SamplePercent(estimate, rows);
        return [new Arm(Sampled(percent), condition, 100.0 / percent, new Arm(Records, condition, 1))];
    }

    /// <summary>
    /// The archive's size (the planner's count of its records) and, when <paramref name="ask"/>, whether the reader is the
    /// counselor of any record.
    /// It also sets how similar a name must be: the name matches a whole query similar to it (a typo or two in a full
    /// name); at pg_trgm's default 0.3 a single word like "cemas" had the index return every "Dimas" to be rechecked.
    /// The setting lasts for this connection's session: for the rest of this request's scope (only the archive uses %),
    /// until Npgsql resets the connection when it goes back to the pool.
    /// </summary>
    private static async Task<(double Rows, bool Counsels)> ArchiveAsync(NpgsqlConnection conn, string me, bool ask, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT reltuples, set_config('pg_trgm.similarity_threshold', '0.5', false), $2 AND EXISTS (SELECT 1 FROM arsip.records WHERE konselor_id = $1)
            FROM pg_class WHERE oid = 'arsip.records'::regclass
            """, conn) { Parameters = { new() { Value = me }, new() { Value = ask } } };
        await using var row = await cmd.ExecuteReaderAsync(ct);
        return await row.ReadAsync(ct) ? (Convert.ToDouble(row.GetValue(0), CultureInfo.InvariantCulture), row.GetBoolean(2)) : (0, false);
    }

    private static bool IsBroad(double estimate, double rows, bool oneYear) => estimate > ExactMatches && (estimate >= rows * BroadShare || oneYear);

    private static async Task<double> EstimateAsync(Func<string, NpgsqlCommand> command, string condition, CancellationToken ct)
    {
        await using var explain = command($"EXPLAIN (FORMAT JSON) SELECT 1 FROM arsip.records r WHERE {condition}");
        using var plan = System.Text.Json.JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(ct))!);
        return PlanRows(plan);
    }

    private static double PlanRows(System.Text.Json.JsonDocument plan) => plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();

    /// <summary>Splits a query: words, "phrases" and -exclusions go to websearch_to_tsquery; word* are prefixes; plain words also hit counseling tokens.</summary>
    public static (string Web, List<string> Prefixes, string Plain) Parse(string? q)
    {
        var web = new List<string>();
        var prefixes = new List<string>();
        var plain = new List<string>();
        foreach (Match m in Token().Matches(q ?? ""))
        {
            var t = m.Value;
            if (t.EndsWith('*') && !t.StartsWith('"') && Word().Replace(t.TrimEnd('*'), "") is { Length: >= 2 } stem) { prefixes.Add(stem.ToLowerInvariant()); continue; }
            web.Add(t);
            if (!t.StartsWith('-')) plain.Add(t.Trim('"'));
        }
        return (string.Join(' ', web), prefixes, string.Join(' ', plain));
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text).Replace(Start.ToString(), "<mark>").Replace(Stop.ToString(), "</mark>");

    [GeneratedRegex("\"[^\"]+\"|\\S+")]
    private static partial Regex Token();

    [GeneratedRegex("[^\\p{L}\\p{N}]")]
    private static partial Regex Word();
}

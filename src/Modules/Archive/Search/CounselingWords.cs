using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Archive.Data;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CampusKonseling.Archive.Search;

/// <summary>
/// Counseling text in the archive (ADR 0008): its words are stemmed by PostgreSQL's indonesian
/// configuration and stored only as HMAC-SHA256 tokens under a per-campus key, which is itself protected
/// by the platform's key ring (another database). The text is kept encrypted for snippets.
/// </summary>
public sealed class CounselingWords(ArchiveDb db, IDataProtectionProvider protection, CurrentShell current)
{
    private IDataProtector Protector => protection.CreateProtector("CampusKonseling.Archive", current.Shell.Name);

    public string Protect(string text) => Protector.Protect(text);

    public string Unprotect(string cipher) => Protector.Unprotect(cipher);

    /// <summary>The stemmed words (lexemes) of a text, as the indonesian configuration makes them.</summary>
    public async Task<string[]> LexemesAsync(string text, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT coalesce(tsvector_to_array(to_tsvector('indonesian', $1)), '{}')", conn) { Parameters = { new() { Value = text } } };
        return (string[])(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<string[]> TokensAsync(string text, CancellationToken ct) => await TokensOfAsync(await LexemesAsync(text, ct), ct);

    public async Task<string[]> TokensOfAsync(IEnumerable<string> lexemes, CancellationToken ct)
    {
        var key = await KeyAsync(ct);
        return lexemes.Select(l => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(l)))[..32]).Distinct().ToArray();
    }

    /// <summary>The lexemes of many texts in one round trip, in their order.</summary>
    public async Task<string[][]> LexemesManyAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT ord, coalesce(tsvector_to_array(to_tsvector('indonesian', t)), '{}') FROM unnest($1::text[]) WITH ORDINALITY AS x(t, ord)", conn) { Parameters = { new() { Value = texts.ToArray() } } };
        var result = new string[texts.Count][];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetInt64(0) - 1] = reader.GetFieldValue<string[]>(1);
        return result;
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        const string cacheKey = "arsip:kunci";
        if (current.Shell.Cache.TryGetValue(cacheKey, out var cached)) return (byte[])cached;
        var row = await db.Keys.AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            db.Keys.Add(row = new ArchiveKey { Protected = Protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Another node made it first.
                db.ChangeTracker.Clear();
                row = await db.Keys.AsNoTracking().FirstAsync(ct);
            }
        }
        var key = Convert.FromBase64String(Protector.Unprotect(row.Protected));
        current.Shell.Cache[cacheKey] = key;
        return key;
    }
}

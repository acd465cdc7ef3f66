using CampusKonseling.Audit.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Audit.Chain;

public enum ChainBreak
{
    /// <summary>The entry's fields no longer give its stored hash.</summary>
    ContentChanged,
    /// <summary>The entry does not point to the hash of the entry before it.</summary>
    LinkBroken,
    /// <summary>A number is missing: an entry was deleted.</summary>
    MissingEntry,
}

/// <param name="Checked">Entries found intact before the break (all of them when intact).</param>
/// <param name="LastHash">The hash of the last intact entry: noted down elsewhere, it also reveals a later rewrite of the whole chain or a cut-off tail.</param>
/// <param name="BrokenAt">The number of the first entry that fails.</param>
public sealed record ChainReport(long Checked, string LastHash, long? BrokenAt = null, ChainBreak? Break = null)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// Walks the chain from the first entry, in batches by number (a campus may have millions of
/// entries), recomputing each hash and checking each link; stops at the first break.
/// </summary>
public sealed class ChainVerifier(AuditDb db)
{
    public const int BatchSize = 2000;

    public async Task<ChainReport> VerifyAsync(CancellationToken ct = default)
    {
        long expected = 1, last = 0;
        var previous = AuditHash.Genesis;
        while (true)
        {
            var batch = await db.Entries.AsNoTracking().Where(e => e.Urutan > last).OrderBy(e => e.Urutan).Take(BatchSize).ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (entry.Urutan != expected) return new ChainReport(expected - 1, previous, expected, ChainBreak.MissingEntry);
                if (AuditHash.Of(entry) != entry.Hash) return new ChainReport(expected - 1, previous, expected, ChainBreak.ContentChanged);
                if (entry.HashSebelumnya != previous) return new ChainReport(expected - 1, previous, expected, ChainBreak.LinkBroken);
                previous = entry.Hash;
                last = entry.Urutan;
                expected++;
            }
            if (batch.Count < BatchSize) return new ChainReport(expected - 1, previous);
        }
    }
}

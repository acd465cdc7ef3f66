using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Forms.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Intake;

/// <summary>
/// The status check's one-time codes, kept in the campus database rather than only in the browser's
/// cookie, so that guesses are counted wherever they come from: a code is void after
/// <see cref="MaxAttempts"/> tries (right or wrong) or <see cref="Lifetime"/>, and one request gets at most
/// <see cref="CodesPerHour"/> codes an hour, whichever address asks. A guesser thus has at most 25 tries an
/// hour at a request's six digits, however many addresses or X-Forwarded-For values they use.
/// A code asked with an e-mail that does not match is stored too (with a hash nobody knows), so a stranger
/// sees exactly what the requester sees.
/// </summary>
public sealed class KodeSekaliStore(FormsDb db, TimeProvider clock)
{
    public const int MaxAttempts = 5, CodesPerHour = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public enum Check { Accepted, Wrong, Void }

    /// <summary>
    /// Stores a code for the request (a decoy when <paramref name="otp"/> is null: the e-mail did not match);
    /// null when the request has had its real codes for this hour. Decoys never count and are never refused:
    /// a stranger who knows only the tracking code can neither use up the requester's codes nor learn from a
    /// refusal that the tracking code exists.
    /// </summary>
    public async Task<Guid?> IssueAsync(Guid submissionId, string? otp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (otp is not null && await db.KodeSekali.CountAsync(c => c.SubmissionId == submissionId && !c.Umpan && c.DibuatPada > now.AddHours(-1), ct) >= CodesPerHour) return null;
        if (otp is not null)
            // The newest code is the only one that counts: the e-mail the requester reads last.
            await db.KodeSekali.Where(c => c.SubmissionId == submissionId && !c.Selesai).ExecuteUpdateAsync(s => s.SetProperty(c => c.Selesai, true), ct);
        await db.KodeSekali.Where(c => c.SubmissionId == submissionId && c.DibuatPada < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var code = new KodeSekali
        {
            Id = Guid.NewGuid(), SubmissionId = submissionId, KodeHash = Hash(otp ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            DibuatPada = now, BerlakuSampai = now + Lifetime, Umpan = otp is null,
        };
        db.KodeSekali.Add(code);
        await db.SaveChangesAsync(ct);
        return code.Id;
    }

    /// <summary>Counts the try first (atomically, so parallel guesses cannot pass the limit), then compares.</summary>
    public async Task<(Check Result, Guid SubmissionId)> CheckAsync(Guid codeId, string typed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counted = await db.KodeSekali.Where(c => c.Id == codeId && !c.Selesai && c.Percobaan < MaxAttempts && c.BerlakuSampai > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Percobaan, c => c.Percobaan + 1), ct);
        if (counted == 0) return (Check.Void, Guid.Empty);
        var code = await db.KodeSekali.AsNoTracking().FirstAsync(c => c.Id == codeId, ct);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(code.KodeHash), Convert.FromHexString(Hash(typed))))
            return (code.Percobaan >= MaxAttempts ? Check.Void : Check.Wrong, Guid.Empty);
        // Used once: the second of two racing right answers finds it spent.
        var used = await db.KodeSekali.Where(c => c.Id == codeId && !c.Selesai).ExecuteUpdateAsync(s => s.SetProperty(c => c.Selesai, true), ct);
        return used == 1 ? (Check.Accepted, code.SubmissionId) : (Check.Void, Guid.Empty);
    }

    private static string Hash(string otp) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(otp.Trim())));
}

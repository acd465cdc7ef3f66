using CampusKonseling.Notifications.Channels;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Notifications.Outbox;

/// <summary>
/// Delivers a campus's due messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
/// host processes share the queue and each message goes out once; a failure is retried with a
/// growing pause and, after the last try, left for the admin with its reason. Delivering an SOP step's message
/// completes the step.
/// </summary>
public sealed class OutboxDelivery(
    NotificationsDb db, ChannelSettingsStore channels, EmailChannel email, TextGateway gateway, ISiteSettings site, Pesan.StepMessageSignals steps,
    OutboxMetrics metrics, CampusKonseling.Shell.CurrentShell current, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    public const int MaxAttempts = 6;
    /// <summary>Messages claimed at once, all sent in parallel: mail servers take a good part of a second per message.</summary>
    private const int Batch = 16;
    /// <summary>
    /// How long claimed messages are left to their node: longer than sending one may take (connecting, greeting, signing in
    /// and sending, each within the mail client's 30-second time-out), and short enough that a node's death delays
    /// the mail it had claimed by a few minutes only.
    /// </summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Whether messages wait for a later retry. Counts them for the queue-length gauge on the way (one query on the status index).
    /// </summary>
    public async Task<bool> HasWaitingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = await db.Outbox.Where(m => m.Status == OutboxStatus.Menunggu || m.Status == OutboxStatus.Mengirim).GroupBy(_ => 1)
            .Select(g => new { Due = g.LongCount(m => m.KirimSetelah <= now), All = g.LongCount() })
            .FirstOrDefaultAsync(ct);
        metrics.Counted(current.Shell.Name, counts?.Due ?? 0, (counts?.All ?? 0) - (counts?.Due ?? 0));
        return counts is { All: > 0 };
    }

    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Claimed in one short statement and marked one by one as each goes out: a node dying mid-batch leaves the messages it
        // sent marked sent, and the rest claimed until their claim runs out, when another node takes them.
        var due = await db.Outbox.FromSqlInterpolated($"""
            UPDATE notifications.outbox SET status = {OutboxStatus.Mengirim}, kirim_setelah = {now + Claim}
            WHERE id IN (SELECT id FROM notifications.outbox WHERE status IN ({OutboxStatus.Menunggu}, {OutboxStatus.Mengirim}) AND kirim_setelah <= {now}
                         ORDER BY id LIMIT {Batch} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        if (due.Count == 0) return 0;
        var settings = await channels.GetAsync(ct);
        var campus = await site.GetAsync(ct);
        using var writes = new SemaphoreSlim(1);
        var marked = new System.Collections.Concurrent.ConcurrentBag<OutboxMessage>();
        try
        {
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Batch, CancellationToken = ct }, (message, token) => SendAsync(message, marked, writes, settings, campus, token));
        }
        finally
        {
            // A step whose work is a message to the client is done when it is delivered, and not before (written first);
            // also when the round stops halfway, for the messages already marked sent.
            await steps.DeliveredAsync(marked, CancellationToken.None);
        }
        return due.Count;
    }

    private async ValueTask SendAsync(OutboxMessage message, System.Collections.Concurrent.ConcurrentBag<OutboxMessage> marked, SemaphoreSlim writes,
        Channels.ChannelSettings settings, CampusSettings campus, CancellationToken token)
    {
        var claimedUntil = message.KirimSetelah;
        try
        {
            if (message.Saluran is OutboxChannels.Email or OutboxChannels.EmailPlatform)
                await email.SendAsync(settings, campus, message.Penerima, message.Judul, message.Isi, token, platformOnly: message.Saluran == OutboxChannels.EmailPlatform);
            else await gateway.SendAsync(settings, message.Penerima, message.Isi, token);
            message.Status = OutboxStatus.Terkirim;
            message.TerkirimPada = clock.GetUtcNow();
            message.GalatTerakhir = null;
            metrics.Sent(current.Shell.Name, message.Saluran);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Percobaan++;
            message.GalatTerakhir = ex.Message;
            message.Status = message.Percobaan >= MaxAttempts ? OutboxStatus.Gagal : OutboxStatus.Menunggu;
            message.KirimSetelah = clock.GetUtcNow() + TimeSpan.FromSeconds(15 * Math.Pow(2, message.Percobaan));
            metrics.Failed(current.Shell.Name, message.Saluran, final: message.Status == OutboxStatus.Gagal);
            logger.LogWarning("Message {Id} to the {Channel} channel failed (attempt {Attempt}): {Reason}", message.Id, message.Saluran, message.Percobaan, ex.Message);
        }
        // Written even when the worker is stopping: a message the mail server accepted must not stay claimed and go again.
        // Only while this node still holds the claim: past it, another node may have taken the message.
        await writes.WaitAsync(CancellationToken.None);
        try
        {
            var written = await db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Mengirim && m.KirimSetelah == claimedUntil).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, message.Status).SetProperty(m => m.TerkirimPada, message.TerkirimPada)
                .SetProperty(m => m.GalatTerakhir, message.GalatTerakhir).SetProperty(m => m.Percobaan, message.Percobaan)
                .SetProperty(m => m.KirimSetelah, message.KirimSetelah), CancellationToken.None);
            if (written == 0) logger.LogWarning("Message {Id}: its claim ran out while it was being sent; another node has it now", message.Id);
            else if (message.Status == OutboxStatus.Terkirim) marked.Add(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The others go on; this one stays claimed and goes again when its claim runs out.
            logger.LogError(ex, "Message {Id}: its state could not be written after sending", message.Id);
        }
        finally
        {
            writes.Release();
        }
    }
}

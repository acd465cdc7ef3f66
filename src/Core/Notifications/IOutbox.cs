using System.Data.Common;

namespace CampusKonseling.Notifications;

/// <summary>A short text for a phone (SMS or WhatsApp, whichever gateway the campus configured).</summary>
public sealed record TextMessage(string Telepon, string Isi);

/// <summary>
/// Messages written with the business change they announce (same transaction), then delivered
/// by a worker with retries: a request's acknowledgment is never lost to a failing mail server,
/// and never sent for a request that was not saved.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues an e-mail in the caller's transaction (or on its own when null).</summary>
    Task EnqueueAsync(EmailMessage message, DbTransaction? transaction, CancellationToken ct = default);

    /// <summary>Queues a text to a phone through the campus's gateway; false (nothing queued) when the campus has none.</summary>
    Task<bool> EnqueueTextAsync(TextMessage message, DbTransaction? transaction, CancellationToken ct = default);

    /// <summary>
    /// Queues an e-mail to go out at <paramref name="kirimSetelah"/> (a reminder before a session), under a
    /// <paramref name="kunci"/> by which it can be withdrawn while it still waits.
    /// </summary>
    Task EnqueueLaterAsync(EmailMessage message, DateTimeOffset kirimSetelah, string kunci, CancellationToken ct = default);

    /// <summary>Withdraws the messages still waiting under <paramref name="kunci"/> (a cancelled or moved session); returns how many.</summary>
    Task<int> WithdrawAsync(string kunci, CancellationToken ct = default);

    /// <summary>Asks the worker to deliver this campus's queue now rather than at its next round.</summary>
    void Wake();
}

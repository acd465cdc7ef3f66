using System.Threading.Channels;

namespace CampusKonseling.Notifications.Outbox;

/// <summary>Tells the worker which campus has new messages, so an acknowledgment leaves within moments of the commit.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<string> _tenants = Channel.CreateUnbounded<string>();

    public void Wake(string tenant) => _tenants.Writer.TryWrite(tenant);

    /// <summary>The campuses woken within <paramref name="wait"/>; empty when none was (time for a full round).</summary>
    public async Task<IReadOnlySet<string>> WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        var woken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            woken.Add(await _tenants.Reader.ReadAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return woken;
        }
        while (_tenants.Reader.TryRead(out var more)) woken.Add(more);
        return woken;
    }
}

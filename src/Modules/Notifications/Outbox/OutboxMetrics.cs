using System.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CampusKonseling.Diagnostics;

namespace CampusKonseling.Notifications.Outbox;

/// <summary>
/// Messages sent and failed per campus and channel, and each campus's queue length (docs/metrics.md).
/// The queue length is what the outbox worker counted on its last visit to the campus, not a query per scrape:
/// the worker visits every campus with waiting messages every half minute and every running campus every few
/// minutes anyway, so reading it costs no connection and keeps no idle campus alive (ADR 0002).
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = Telemetry.MeterPrefix + "Outbox";

    private readonly ConcurrentDictionary<string, Queue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("campuskonseling.outbox.sent", "{message}", "Messages delivered to the mail server or SMS/WhatsApp gateway.");
        _failures = meter.CreateCounter<long>("campuskonseling.outbox.send.failures", "{attempt}",
            "Delivery attempts that failed; final=true when it was the last try and the message now waits for the admin.");
        meter.CreateObservableGauge("campuskonseling.outbox.queue.length", Observe, "{message}",
            "Messages waiting in the campus's outbox as the outbox worker last counted them: state=due should leave within moments, state=later wait for a retry after a failure or for their time (session reminders).");
    }

    public void Sent(string campus, string channel) =>
        _sent.Add(1, new TagList { { Telemetry.Campus, campus }, { Telemetry.Channel, Channel(channel) } });

    public void Failed(string campus, string channel, bool final) =>
        _failures.Add(1, new TagList { { Telemetry.Campus, campus }, { Telemetry.Channel, Channel(channel) }, { "final", final ? "true" : "false" } });

    /// <summary>The worker counted the campus's waiting messages.</summary>
    public void Counted(string campus, long due, long later) => _queues[campus] = new Queue(due, later);

    /// <summary>A campus stopped, was deleted or switched Notifications off: its queue is no longer reported.</summary>
    public void Forget(string campus) => _queues.TryRemove(campus, out _);

    /// <summary>Only the campuses in <paramref name="running"/> stay reported.</summary>
    public void KeepOnly(IReadOnlySet<string> running)
    {
        foreach (var campus in _queues.Keys.Where(c => !running.Contains(c))) Forget(campus);
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _queues.SelectMany(q => new[]
        {
            new Measurement<long>(q.Value.Due, new KeyValuePair<string, object?>(Telemetry.Campus, q.Key), new KeyValuePair<string, object?>("state", "due")),
            new Measurement<long>(q.Value.Later, new KeyValuePair<string, object?>(Telemetry.Campus, q.Key), new KeyValuePair<string, object?>("state", "later")),
        });

    /// <summary>A label from a fixed set: a channel kind outside it (a future gateway) is reported as "other", never as typed.</summary>
    private static string Channel(string channel) => channel switch
    {
        OutboxChannels.Email or OutboxChannels.EmailPlatform or Channels.GatewayKinds.Sms or Channels.GatewayKinds.WhatsApp => channel,
        _ => "other",
    };

    private sealed record Queue(long Due, long Later);
}

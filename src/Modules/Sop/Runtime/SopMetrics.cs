using System.Diagnostics;
using System.Diagnostics.Metrics;
using CampusKonseling.Diagnostics;
using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// SOP steps started, completed, skipped and overdue, per campus and SOP kode (docs/metrics.md).
/// Counted from the history entries of a change once it is committed, so a rolled-back start counts nothing.
/// </summary>
public sealed class SopMetrics
{
    public const string MeterName = Telemetry.MeterPrefix + "Sop";

    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _overdue;

    public SopMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("campuskonseling.sop.steps.started", "{step}", "SOP steps activated: a person's, the client's or the system's turn began.");
        _completed = meter.CreateCounter<long>("campuskonseling.sop.steps.completed", "{step}", "SOP steps completed, by a person or by the system.");
        _skipped = meter.CreateCounter<long>("campuskonseling.sop.steps.skipped", "{step}", "Optional SOP steps skipped.");
        _overdue = meter.CreateCounter<long>("campuskonseling.sop.steps.overdue", "{step}", "SOP steps whose due time (waktu baku) passed while still active: the SLA timer fired.");
    }

    /// <summary>Counts the steps a committed change activated, completed or skipped.</summary>
    public void Changed(string campus, string sopKode, IEnumerable<StepEvent> events)
    {
        foreach (var entry in events)
        {
            var counter = entry.Jenis switch
            {
                StepEventKind.Diaktifkan => _started,
                StepEventKind.Diselesaikan => _completed,
                StepEventKind.Dilewati => _skipped,
                _ => null,
            };
            counter?.Add(1, Tags(campus, sopKode));
        }
    }

    /// <summary>An activation was marked overdue (once per activation, by the engine).</summary>
    public void Overdue(string campus, string sopKode) => _overdue.Add(1, Tags(campus, sopKode));

    private static TagList Tags(string campus, string sopKode) => new() { { Telemetry.Campus, campus }, { Telemetry.Sop, sopKode } };
}

using System.Diagnostics.Metrics;
using CampusKonseling.Diagnostics;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// How many campuses this node keeps live, and each database server's connection budget (docs/metrics.md):
/// read from memory at each scrape, costing no query.
/// </summary>
public sealed class ShellMetrics
{
    public const string MeterName = Telemetry.MeterPrefix + "Shells";

    public ShellMetrics(IMeterFactory meters, ShellHost shells, TenantDatabases databases)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("campuskonseling.shells.live", () => shells.LiveCount, "{campus}",
            "Campuses whose shell (connection pool, caches) this node keeps in memory; an idle campus is released and built again by its next request.");
        meter.CreateObservableGauge("campuskonseling.db.connections", () => databases.Budgets.SelectMany(b => new[]
            {
                new Measurement<int>(b.Taken, new KeyValuePair<string, object?>("server", b.Server), new KeyValuePair<string, object?>("state", "taken")),
                new Measurement<int>(b.Limit, new KeyValuePair<string, object?>("server", b.Server), new KeyValuePair<string, object?>("state", "limit")),
                new Measurement<int>(b.Waiting, new KeyValuePair<string, object?>("server", b.Server), new KeyValuePair<string, object?>("state", "waiting")),
            }), "{connection}",
            "A database server's connection budget on this node: state=taken (held by campuses), limit (CampusKonseling:Database or Servers:NAME:MaxConnections), waiting (requests waiting for one).");
        meter.CreateObservableCounter("campuskonseling.db.connection.waits", () => databases.Budgets.Select(b =>
            new Measurement<long>(b.Waits, new KeyValuePair<string, object?>("server", b.Server))), "{request}",
            "Requests that had to wait for a connection of the server's budget.");
    }
}

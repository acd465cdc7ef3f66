using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;

namespace CampusKonseling.Cases.Work;

/// <summary>What the case work tells the audit trail (subject "kasus/{id}"); only what was done, never counseling content.</summary>
public sealed class CaseAudit(IServiceProvider services)
{
    public Task RecordAsync(string jenis, CaseRow c, string ringkasan, CancellationToken ct) =>
        services.GetService<IAuditLog>() is { } log ? log.RecordAsync(new AuditEvent(jenis, "kasus", c.Id.ToString(), ringkasan), ct) : Task.CompletedTask;
}

using CampusKonseling.Audit;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Shells;

/// <summary>
/// Records administration done by the host's own services (feature switches, recipe runs) in the campus's
/// audit trail, through a scope of the campus's current shell (the old one may be gone after a reload).
/// Inside a request the entry names the signed-in user; without one it is the system, with the operating
/// system account that ran the command (the CLI, the host starting up), which is all that is known of who.
/// </summary>
public sealed class ShellAudit(IShellHost shells)
{
    /// <param name="during">The shell to use while the campus has no running one yet (its setup recipe).</param>
    public async Task RecordAsync(string tenantName, AuditEvent entry, CancellationToken ct = default, ShellContext? during = null)
    {
        if ((await shells.GetShellAsync(tenantName, ct) ?? during) is not { } shell) return;
        await using var scope = shells.CreateScope(shell);
        if (scope.ServiceProvider.GetService<IAuditLog>() is not { } log) return;
        var http = scope.ServiceProvider.GetService<IHttpContextAccessor>()?.HttpContext;
        var actor = http is null ? new AuditActor(null, $"{AuditActor.Sistem.Nama} ({Environment.UserName})") : null;
        await log.RecordAsync(entry with { Pelaku = entry.Pelaku ?? actor }, ct);
    }
}

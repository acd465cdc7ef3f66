using CampusKonseling.Audit;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// Changes to roles, permissions, users and API keys go to the campus's audit trail (the Audit module
/// is optional to Identity, so it is looked up). Summaries name roles, permissions and addresses, never
/// anything a counselor wrote.
/// </summary>
public static class AdminAudit
{
    public const string Peran = "peran", Pengguna = "pengguna", KunciApi = "kunci-api";

    public static async Task RecordAsync(IServiceProvider services, string jenis, string subjekJenis, string subjekId, string ringkasan, AuditActor? pelaku = null, CancellationToken ct = default)
    {
        if (services.GetService<IAuditLog>() is not { } audit) return;
        await audit.RecordAsync(new AuditEvent(jenis, subjekJenis, subjekId, ringkasan) { Pelaku = pelaku }, ct);
    }

    public static Task RecordAsync(HttpContext http, string jenis, string subjekJenis, string subjekId, string ringkasan) =>
        RecordAsync(http.RequestServices, jenis, subjekJenis, subjekId, ringkasan, null, http.RequestAborted);

    /// <summary>"A, B" in a stable order, or "(tidak ada)".</summary>
    public static string List(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(tidak ada)" : string.Join(", ", sorted);
    }
}

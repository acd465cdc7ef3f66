using System.Security.Claims;
using CampusKonseling.Cases;
using CampusKonseling.Forms.Data;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>
/// "Permohonan saya": the signed-in person's requests (sent while signed in, or with their
/// account's e-mail), newest first, each with its SOP's current step. Never answers or staff notes.
/// </summary>
[Authorize]
public sealed class MineModel(FormsDb db, ISopLauncher sops, ISiteSettings settings, CampusKonseling.Modules.ShellFeatureServices features) : PageModel
{
    public sealed record Row(string Kode, string Formulir, DateTimeOffset DikirimPada, SopProgress? Progress, IReadOnlyList<ClientAppointment> Jadwal, IReadOnlyList<ReleasedNote> Dirilis);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Addresses are compared without case: people type "Dewi@Kampus.ac.id" as readily as "dewi@kampus.ac.id".
        var email = User.FindFirstValue(ClaimTypes.Email)?.ToLowerInvariant();
        var found = await db.Submissions.AsNoTracking()
            .Where(s => s.PenggunaId == me || (email != null && s.Email.ToLower() == email))
            .OrderByDescending(s => s.DikirimPada).Take(50)
            .Join(db.Forms.AsNoTracking(), s => s.FormId, f => f.Id, (s, f) => new { s.KodePelacakan, f.Judul, s.DikirimPada, s.SopInstanceId })
            .ToListAsync(ct);
        var rows = new List<Row>();
        var cases = features.Contract<ICaseLookup>();
        foreach (var s in found)
            rows.Add(new Row(s.KodePelacakan, s.Judul, s.DikirimPada, s.SopInstanceId is { } id ? await sops.ProgressAsync(id, ct) : null,
                cases is null ? [] : await cases.AppointmentsAsync(s.KodePelacakan, ct), cases is null ? [] : await cases.ReleasedAsync(s.KodePelacakan, ct)));
        Rows = rows;
        Zone = TimeZoneInfo.FindSystemTimeZoneById((await settings.GetAsync(ct)).TimeZone);
    }
}

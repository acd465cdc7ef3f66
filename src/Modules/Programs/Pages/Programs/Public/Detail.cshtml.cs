using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Pages.Programs.Public;

/// <summary>
/// A program on the campus site and its registration form, for a student on a phone: every problem is said beside
/// its field in Indonesian and nothing typed is lost; bots fill the hidden field and posts are rate-limited.
/// </summary>
[EnableRateLimiting(ProgramRateLimit.Policy)]
public sealed class DetailModel(ProgramCatalog catalog, ProgramsDb db, Registrations registrations, TimeProvider clock) : PageModel
{
    public const string Honeypot = "situs_web";
    public ProgramRow Program { get; private set; } = null!;
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public bool Terbuka { get; private set; }
    public int? SisaKursi { get; private set; }
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    [BindProperty] public string? Nama { get; set; }
    [BindProperty] public string? Nim { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Telepon { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public ParticipantRow? Registered { get; private set; }

    public string Local(DateTimeOffset at, string format) => Time.Format(at, format, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>A session, the zone named once after its end.</summary>
    public string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"{Time.Date(from, "dddd, d MMMM yyyy · HH:mm", System.Globalization.CultureInfo.CurrentUICulture)}–{Time.Format(to, "HH:mm", System.Globalization.CultureInfo.CurrentUICulture)}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row || row.Status == ProgramStatus.Dibatalkan && row.Mulai < clock.GetUtcNow()) return false;
        Program = row;
        Time = await catalog.TimeAsync(ct);
        Sessions = await catalog.SessionsAsync(id, ct);
        Terbuka = ProgramRules.RegistrationOpen(row, clock.GetUtcNow());
        if (row.Kapasitas is { } k) SisaKursi = Math.Max(0, k - await db.Participants.CountAsync(x => x.ProgramId == id && x.Status == StatusPeserta.Terdaftar, ct));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // A bot fills the hidden field: it is shown the same thank-you, and nothing is stored.
        if (!string.IsNullOrEmpty(Request.Form[Honeypot])) return Redirect(Url.Content($"~/program/{id}?terkirim=1"));
        var result = await registrations.RegisterAsync(Program, new RegistrationInput(Nama, Nim, Email, Telepon), ct);
        if (result.Participant is null)
        {
            foreach (var (k, v) in result.Errors) Errors[k] = v;
            return Page();
        }
        return Redirect(Url.Content($"~/program/tiket/{result.Participant.Token}?baru=1"));
    }
}

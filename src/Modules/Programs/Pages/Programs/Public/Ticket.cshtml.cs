using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Public;

/// <summary>The participant's own page (the link in their e-mail): QR code and code for the door, their place, and cancelling.</summary>
[EnableRateLimiting(ProgramRateLimit.Policy)]
public sealed class TicketModel(ProgramsDb db, ProgramCatalog catalog, Registrations registrations, IStringLocalizer<S> T) : PageModel
{
    public ParticipantRow Participant { get; private set; } = null!;
    public ProgramRow Program { get; private set; } = null!;
    public int? Urutan { get; private set; }
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    [TempData] public string? Message { get; set; }

    public string Local(DateTimeOffset at) => Time.Format(at, "dddd, d MMMM yyyy · HH:mm", System.Globalization.CultureInfo.CurrentUICulture);

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await Tickets.FindAsync(db, token, ct) is not { } p || await catalog.FindAsync(p.ProgramId, ct) is not { } program) return false;
        Participant = p;
        Program = program;
        Time = await catalog.TimeAsync(ct);
        if (p.Status == StatusPeserta.Menunggu)
            Urutan = 1 + await db.Participants.CountAsync(x => x.ProgramId == p.ProgramId && x.Status == StatusPeserta.Menunggu && (x.DidaftarPada < p.DidaftarPada || x.DidaftarPada == p.DidaftarPada && x.Id.CompareTo(p.Id) < 0), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBatalAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (Participant.Status != StatusPeserta.Batal)
        {
            await registrations.CancelAsync(Program, Participant.Id, ct);
            Message = T["Pendaftaran Anda dibatalkan. Terima kasih sudah memberi tahu; kursi Anda diberikan kepada yang menunggu."];
        }
        return Redirect(Url.Content($"~/program/tiket/{token}"));
    }
}

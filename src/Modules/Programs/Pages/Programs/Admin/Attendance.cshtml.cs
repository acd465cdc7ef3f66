using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>
/// Attendance on a phone at the door: search by name/NIM and tick, scan the participant's QR code with the camera,
/// or type the code under it. The scanner posts here and gets JSON; the forms work without script.
/// </summary>
[RequirePermission(Permissions.TakeAttendance)]
public sealed class AttendanceModel(ProgramCatalog catalog, Attendance attendance, IStringLocalizer<S> T) : PageModel
{
    public ProgramRow Program { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Kode { get; set; }
    public IReadOnlyList<ParticipantRow> Found { get; private set; } = [];
    public IReadOnlyList<ParticipantRow> Recent { get; private set; } = [];
    public (int Hadir, int Terdaftar) Count { get; private set; }
    public CheckIn? Result { get; private set; }
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public string Local(DateTimeOffset? at) => Time.Format(at, "HH:mm");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row) return false;
        Program = row;
        Time = await catalog.TimeAsync(ct);
        Found = await attendance.SearchAsync(id, Q, ct);
        Recent = await attendance.RecentAsync(id, ct);
        Count = await attendance.CountAsync(id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A tick in the list, or a typed code.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid? peserta, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is null) return NotFound();
        Result = await attendance.CheckInAsync(id, Kode, peserta, User.Identity?.Name ?? "-", ct);
        await LoadAsync(id, ct);
        if (Result.Error is null) Kode = null;
        return Page();
    }

    /// <summary>The camera scanner's post: the QR code's text, answered as JSON for the page to show.</summary>
    public async Task<IActionResult> OnPostPindaiAsync(Guid id, string? token, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is null) return NotFound();
        var r = await attendance.CheckInAsync(id, token, null, User.Identity?.Name ?? "-", ct);
        Time = await catalog.TimeAsync(ct);
        return new JsonResult(new
        {
            ok = r.Error is null, nama = r.Participant?.Nama, nim = r.Participant?.Nim, sudah = r.SudahHadir,
            pesan = r.Error ?? (r.SudahHadir ? T["{0} sudah tercatat hadir pukul {1}.", r.Participant!.Nama, Local(r.Participant.HadirPada)].Value : T["{0} hadir.", r.Participant!.Nama].Value),
            hadir = (await attendance.CountAsync(id, ct)).Hadir,
        });
    }

    public string Message(CheckIn r) => r.Error ?? (r.SudahHadir ? T["{0} sudah tercatat hadir pukul {1}.", r.Participant!.Nama, Local(r.Participant.HadirPada)] : T["{0} hadir.", r.Participant!.Nama]);
}

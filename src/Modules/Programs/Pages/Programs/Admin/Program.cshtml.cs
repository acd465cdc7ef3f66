using CampusKonseling.Documents;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>
/// One program as its committee works it: where its SOP stands (active steps, due times, actors), the committee
/// and its Surat Tugas, the audience and invitations, participants, evaluation, referrals and the report.
/// </summary>
[RequirePermission(Permissions.ViewPrograms)]
public sealed partial class ProgramModel(ProgramsDb db, ProgramCatalog catalog, ProgramLetters letters, Audience audience, Registrations registrations,
    Evaluations evaluations, ProgramReferrals referrals, ParticipantMail mail, ProgramArchiving archiving, IUserDirectory users, CampusKonseling.Notifications.INotifier notifier, IPermissionService permissions, CampusKonseling.Workflows.ISopSteps sopSteps, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public ProgramRow Program { get; private set; } = null!;
    public ProgramKind? Kind { get; private set; }
    public string Status { get; private set; } = "";
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<(StepCopy Step, IReadOnlyList<string> Names)> Steps { get; private set; } = [];
    public IReadOnlyList<CommitteeRow> Committee { get; private set; } = [];
    public IReadOnlyList<UserRef> Staff { get; private set; } = [];
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public IReadOnlyList<GeneratedLetter> Letters { get; private set; } = [];
    public EvaluationSummary Evaluation { get; private set; } = null!;
    public bool LettersAvailable => letters.Available;
    public bool ReferralsAvailable => referrals.Available;
    public bool CanManage { get; private set; }
    public bool CanAttend { get; private set; }
    /// <summary>The programme's times in the campus's zone, with its name.</summary>
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public TimeZoneInfo Zone => Time.Zone;
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    public string Local(DateTimeOffset? at, string format = CampusTime.DefaultFormat) => at is null ? "-" : format.Contains('H') ? Time.Format(at.Value, format) : Time.Date(at.Value, format);

    /// <summary>A session, "Senin 12/01/2030 09.00–12.00 WIB": the zone named once, after the end.</summary>
    public string Range(DateTimeOffset from, DateTimeOffset to) => $"{Time.Date(from, "dddd dd/MM/yyyy HH:mm")}–{Time.Format(to, "HH:mm")}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row) return false;
        Program = row;
        Time = await catalog.TimeAsync(ct);
        Status = ProgramRules.StatusOf(row, clock.GetUtcNow());
        Kind = await db.Kinds.AsNoTracking().FirstOrDefaultAsync(k => k.Kode == row.JenisKode, ct);
        Sessions = await catalog.SessionsAsync(id, ct);
        // Staff who hold a step's roles are named beside it (a few at most); a role of students (Mahasiswa) is never listed.
        var staff = (await users.UsersWithPermissionAsync("AccessAdmin", ct)).Select(u => u.Id).ToHashSet();
        var steps = new List<(StepCopy, IReadOnlyList<string>)>();
        foreach (var s in ProgramRules.Steps(row))
        {
            var names = new List<string>();
            foreach (var role in s.Peran) names.AddRange((await users.UsersInRoleAsync(role, ct)).Where(u => staff.Contains(u.Id)).Select(u => u.Nama));
            steps.Add((s, names.Distinct().Take(5).ToList()));
        }
        Steps = steps;
        Committee = await db.Committee.AsNoTracking().Where(c => c.ProgramId == id).ToListAsync(ct);
        Committee = Committee.OrderBy(c => Array.IndexOf(Data.PeranPanitia.All, c.Peran)).ThenBy(c => c.Nama).ToList();
        CanManage = await permissions.HasPermissionAsync(User, Permissions.ManagePrograms);
        CanAttend = await permissions.HasPermissionAsync(User, Permissions.TakeAttendance);
        if (CanManage) Staff = (await users.UsersWithPermissionAsync("AccessAdmin", ct)).OrderBy(u => u.Nama).ToList();
        // Who registered, came and was referred to counseling is for the committee; other readers see the counts.
        Participants = await db.Participants.AsNoTracking().Where(p => p.ProgramId == id).OrderBy(p => p.DidaftarPada).ThenBy(p => p.Id).ToListAsync(ct);
        Invitations = await db.Invitations.AsNoTracking().Where(i => i.ProgramId == id).OrderBy(i => i.Pada).ToListAsync(ct);
        Letters = await letters.OfAsync(row, ct);
        Evaluation = await evaluations.SummaryAsync(id, ct);
        await LoadAudienceAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetUnduhAsync(Guid id, Guid surat, bool html, CancellationToken ct)
    {
        if (await catalog.FindAsync(id, ct) is not { } row) return NotFound();
        // The report names the participants referred to counseling: letters are the committee's.
        if (!await permissions.HasPermissionAsync(User, Permissions.ManagePrograms)) return Forbid();
        if (html) ContentSecurityPolicy.For(HttpContext).ForStoredDocument();
        return await letters.OpenAsync(row, surat, html, ct) is { } file
            ? html ? Content(System.Text.Encoding.UTF8.GetString(file.Isi), "text/html; charset=utf-8") : File(file.Isi, file.Mime, file.NamaBerkas)
            : NotFound();
    }

    /// <summary>Makes one of the kind's letters (Surat Tugas, Surat Pemberitahuan, Laporan), filled from the program.</summary>
    public async Task<IActionResult> OnPostSuratAsync(Guid id, string templat, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (!LettersAvailable || Kind is null || templat is not { Length: > 0 } || !new[] { Kind.SuratTugas, Kind.SuratPemberitahuan, Kind.Laporan }.Contains(templat))
        {
            Errors["Surat"] = T["Templat surat ini tidak tersedia untuk program ini."];
            return Page();
        }
        if (templat == Kind.SuratTugas && Committee.Count == 0)
        {
            Errors["Surat"] = T["Tetapkan panitia dulu: surat tugas memuat nama-nama panitia."];
            return Page();
        }
        var (letter, refusal) = await letters.GenerateAsync(Program, templat, null, ct, User);
        if (letter is null)
        {
            Errors["Surat"] = refusal!;
            return Page();
        }
        return Done(T["{0} nomor {1} dibuat.", letter.Judul, letter.Nomor]);
    }

    /// <summary>Marks the program finished or cancelled; registration closes with it.</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, string status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (status is not (ProgramStatus.Selesai or ProgramStatus.Dibatalkan)) return BadRequest();
        await catalog.SetStatusAsync(Program, status, mail, ct, archiving);
        return Done(status == ProgramStatus.Selesai ? T["Program ditandai selesai."] : T["Program dibatalkan."]);
    }

    private IActionResult Done(string message)
    {
        Message = message;
        return Redirect(Url.Content($"~/admin/program/{Program.Id}"));
    }
}

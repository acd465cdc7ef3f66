using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>
/// One case: the client (administrative tier), where its SOP stands, the counselor, the timeline with each
/// entry at its confidentiality tier, and the scheduling agreements. Counseling text only for those who may.
/// </summary>
[RequirePermission(Permissions.ViewCases)]
public sealed partial class CaseModel(CasesDb db, CaseTimeline timeline, CaseAccess access, Appointments appointments, CaseLetters letters, Dispositions dispositions, Referrals referrals, CaseDocuments documents, CaseArchiving archiving, CampusKonseling.Workflows.ISopSteps steps, IPermissionService permissions,
    IUserDirectory directory, CampusKonseling.Modules.ShellFeatureServices features, CampusKonseling.Site.CampusClock campusClock, IStringLocalizer<S> T) : PageModel
{
    /// <summary>The campus's clock: every time on the page is shown as the campus reads it, with its zone's name (WIB, WITA, WIT).</summary>
    public CampusKonseling.Site.CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    /// <summary>A time with the zone's name; a date alone (a format without hours) without it.</summary>
    public string Local(DateTimeOffset at, string format = CampusKonseling.Site.CampusTime.DefaultFormat) => format.Contains('H') ? Time.Format(at, format) : Time.Date(at, format);
    /// <summary>A closed case is kept as it is: no new agreements, dispositions, referrals or assignments.</summary>
    public bool Open => Case.Status is CaseStatus.Baru or CaseStatus.Berjalan;
    public CaseRow Case { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public IReadOnlyList<Appointment> Agreements { get; private set; } = [];
    public IReadOnlyList<UserRef> Counselors { get; private set; } = [];
    public bool CanReadCounseling { get; private set; }
    public bool CanBreakGlass { get; private set; }
    public bool CanAssign { get; private set; }
    public bool CanSeeAudit { get; private set; }
    public IReadOnlyList<Disposition> Chain { get; private set; } = [];
    public IReadOnlyList<ExternalReferral> ExternalReferrals { get; private set; } = [];
    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];
    [BindProperty] public string? NamaDokumen { get; set; }
    [BindProperty] public string? TingkatDokumen { get; set; }
    [BindProperty] public string? Kepada { get; set; }
    [BindProperty] public string? JenisRujukan { get; set; }
    [BindProperty] public string? Kontak { get; set; }
    [BindProperty] public string? Layanan { get; set; }
    [BindProperty] public string? Hasil { get; set; }
    /// <summary>The dispositions the reader may give or report on now, from the case's active SOP steps.</summary>
    public DispositionWork DispositionWork { get; private set; } = DispositionWork.None;
    /// <summary>The SOP step whose disposition is given (the receiver follows from it).</summary>
    [BindProperty] public string? LangkahDisposisi { get; set; }
    [BindProperty] public string? Instruksi { get; set; }
    [BindProperty] public DateOnly? BatasWaktu { get; set; }
    [BindProperty] public string? Laporan { get; set; }
    /// <summary>The client as the campus's student directory (SIAKAD) knows them; null when not found or no directory.</summary>
    public StudentRecord? Student { get; private set; }
    public bool DirectoryChecked { get; private set; }
    public bool LettersAvailable => letters.Available;
    public IReadOnlyList<(string Kode, string Judul)> LetterTemplates { get; private set; } = [];
    public IReadOnlyList<CampusKonseling.Documents.GeneratedLetter> Letters { get; private set; } = [];
    /// <summary>The template being filled in, with its fields pre-filled from the case.</summary>
    [BindProperty(SupportsGet = true)] public string? Templat { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? VersiDari { get; set; }
    public IReadOnlyList<(string Nama, string Nilai)> LetterFields { get; private set; } = [];
    [BindProperty] public Dictionary<string, string> Nilai { get; set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    [BindProperty] public string Jenis { get; set; } = JenisCatatan.Catatan;
    [BindProperty] public string Tingkat { get; set; } = Data.Tingkat.Administratif;
    [BindProperty] public string? Isi { get; set; }
    [BindProperty] public string? Alasan { get; set; }
    [BindProperty] public string? KonselorId { get; set; }
    [BindProperty] public DateOnly? Tanggal { get; set; }
    [BindProperty] public TimeOnly? Jam { get; set; }
    [BindProperty] public int DurasiMenit { get; set; } = 60;
    [BindProperty] public string? Tempat { get; set; }
    [BindProperty] public string? Tautan { get; set; }
    [BindProperty] public string? KodeRapat { get; set; }
    [BindProperty] public string? SandiRapat { get; set; }
    [BindProperty] public Guid? Mengganti { get; set; }

    public string? Password(Appointment a) => appointments.Password(a);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return false;
        Case = row;
        Time = await campusClock.GetAsync(ct);
        CanReadCounseling = await access.CanReadCounselingAsync(User, row, ct);
        CanBreakGlass = !CanReadCounseling && await permissions.HasPermissionAsync(User, Permissions.BreakGlass);
        CanAssign = await permissions.HasPermissionAsync(User, Permissions.ManageCases);
        Entries = await timeline.ReadAsync(User, row, ct);
        Agreements = await appointments.OfAsync(row.Id, ct);
        if (CanAssign) Counselors = await directory.UsersWithPermissionAsync(Permissions.CounselCases, ct);
        CanSeeAudit = await permissions.HasPermissionAsync(User, "ViewAudit");
        Chain = await dispositions.OfAsync(row.Id, ct);
        DispositionWork = await dispositions.WorkAsync(User, row, ct);
        ExternalReferrals = await referrals.OfAsync(row.Id, ct);
        Documents = await documents.OfAsync(User, row, ct);
        if (row.Nim is { Length: > 0 } nim && features.Contract<IStudentDirectory>() is { } students)
        {
            DirectoryChecked = true;
            Student = await students.FindAsync(nim, ct);
        }
        LetterTemplates = await letters.TemplatesAsync(ct);
        Letters = await letters.OfAsync(row, ct);
        if (Templat is { Length: > 0 } kode && LetterTemplates.Any(t => t.Kode == kode)) LetterFields = await letters.FieldsAsync(row, kode, Student, ct, User, VersiDari);
        await LoadStepsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCatatanAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // An archived case is read-only: only a correction may be added, and it files a new version of the archive record.
        if (!Open && Jenis != JenisCatatan.Koreksi) Jenis = JenisCatatan.Koreksi;
        if (await timeline.WriteAsync(User, Case, Jenis, Tingkat, Isi ?? "", ct) is { } refusal)
        {
            Errors[nameof(Isi)] = refusal;
            return Page();
        }
        if (!Open) await archiving.FileAsync(Case, ct);
        return Done(Open ? T["Catatan disimpan."] : T["Koreksi disimpan; arsip kasus diperbarui sebagai versi baru."]);
    }

    public async Task<IActionResult> OnPostTugaskanAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (!CanAssign) return Forbid();
        if (Counselors.FirstOrDefault(c => c.Id == KonselorId) is not { } konselor)
        {
            Errors[nameof(KonselorId)] = T["Pilih konselor dari daftar."];
            return Page();
        }
        await timeline.AssignAsync(User, Case, konselor, ct);
        return Done(T["Kasus ditugaskan kepada {0}.", konselor.Nama]);
    }

    public async Task<IActionResult> OnPostDaruratAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanBreakGlass) return Forbid();
        if (await timeline.BreakGlassAsync(User, Case, Alasan ?? "", ct) is { } refusal)
        {
            Errors[nameof(Alasan)] = refusal;
            return Page();
        }
        return Done(T["Catatan konseling terbuka untuk Anda selama 1 jam. Tindakan ini tercatat dan kepala unit diberi tahu."]);
    }

    public async Task<IActionResult> OnPostJanjiAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        var errors = await appointments.AgreeAsync(User, Case, new AgreementInput(Tanggal, Jam, DurasiMenit, Tempat, Tautan, KodeRapat, SandiRapat), Mengganti, Alasan, ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(Mengganti is null ? T["Kesepakatan jadwal disimpan; klien dan konselor diberi tahu."] : T["Jadwal diubah; klien dan konselor diberi tahu."]);
    }

    public async Task<IActionResult> OnPostBatalAsync(Guid id, Guid janji, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await appointments.CancelAsync(User, Case, janji, Alasan, ct) is { } refusal)
        {
            Errors["Batal"] = refusal;
            return Page();
        }
        return Done(T["Jadwal dibatalkan; klien dan konselor diberi tahu."]);
    }

    public async Task<IActionResult> OnPostDisposisiAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        var errors = await dispositions.GiveAsync(User, Case, LangkahDisposisi, new DispositionInput(Instruksi, BatasWaktu), ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        var to = DispositionWork.Give.FirstOrDefault(g => g.StepId == LangkahDisposisi)?.KepadaPeran ?? DispositionWork.Give.FirstOrDefault()?.KepadaPeran ?? "";
        return Done(T["Disposisi dikirim kepada {0}.", to] + StepsDone(await dispositions.CompleteDoneStepsAsync(User, Case, ct)));
    }

    public async Task<IActionResult> OnPostLaporDisposisiAsync(Guid id, Guid disposisi, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (await dispositions.ReportAsync(User, Case, disposisi, Laporan, ct) is { } refusal)
        {
            Errors["Laporan"] = refusal;
            return Page();
        }
        return Done(T["Laporan disposisi disimpan; pemberi disposisi diberi tahu."] + StepsDone(await dispositions.CompleteDoneStepsAsync(User, Case, ct)));
    }

    private string StepsDone(IReadOnlyList<string> labels) => labels.Count == 0 ? "" : " " + T["Langkah SOP {0} selesai.", string.Join(", ", labels)];

    public async Task<IActionResult> OnPostRujukAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        var errors = await referrals.ReferAsync(User, Case, new ReferralInput(Kepada, JenisRujukan, Kontak, Layanan), ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(T["Rujukan ke {0} dicatat.", Kepada!.Trim()]);
    }

    public async Task<IActionResult> OnPostHasilRujukanAsync(Guid id, Guid rujukan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        if (await referrals.RecordResultAsync(User, Case, rujukan, Hasil, ct) is { } refusal)
        {
            Errors["Hasil"] = refusal;
            return Page();
        }
        return Done(T["Hasil layanan eksternal dicatat sebagai catatan konseling."]);
    }

    private IActionResult Closed()
    {
        Errors["Tutup"] = T["Kasus ini sudah ditutup dan diarsipkan; yang dapat ditambahkan hanya koreksi (catatan koreksi atau versi baru surat)."];
        return Page();
    }

    private IActionResult Done(string message)
    {
        Message = message;
        return Redirect(Url.Content($"~/admin/kasus/{Case.Id}"));
    }
}

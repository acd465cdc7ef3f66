using System.Security.Cryptography;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>
/// "Cek status permohonan" for people without an account: tracking code + e-mail, then a one-time
/// code sent to that e-mail. The answer is the same whether or not the pair matches, so the page
/// never tells a stranger which codes or addresses exist. Once verified, the request's status is
/// shown for 30 minutes on this device: the form, when it was sent, and the SOP steps under way —
/// never answers, files or staff notes. The code is counted and voided on the server (<see cref="KodeSekaliStore"/>):
/// five tries, ten minutes, five codes per request an hour.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(FormRateLimit.Policy)]
public sealed class StatusModel(
    FormsDb db, KodeSekaliStore codes, ISopLauncher sops, IOutbox outbox, IMessageComposer composer, CampusClock campusClock, CurrentShell current,
    IDataProtectionProvider protection, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    private static readonly TimeSpan CodeLifetime = KodeSekaliStore.Lifetime, ViewLifetime = TimeSpan.FromMinutes(30);

    [BindProperty] public string? KodePelacakan { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? KodeSekali { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>Step 2: a one-time code was asked for and the person is to type it.</summary>
    public bool AwaitingCode { get; private set; }
    public Viewed? Found { get; private set; }
    /// <summary>The campus's clock: every time on the page is in its zone, with the zone's name.</summary>
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);

    public sealed record Viewed(string Kode, string Formulir, DateTimeOffset DikirimPada, SopProgress? Progress, IReadOnlyList<(Guid Id, string Nama)> Berkas);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Forms.Status", current.Shell.Name).ToTimeLimitedDataProtector();
    private string OtpCookie => $"ck_status_otp_{current.Shell.Name}";
    private string ViewCookie => $"ck_status_{current.Shell.Name}";

    /// <param name="kode">The tracking code, filled in from the link in the acknowledgment.</param>
    public async Task OnGetAsync(string? kode, CancellationToken ct)
    {
        KodePelacakan ??= kode is { Length: <= 20 } ? kode.Trim().ToUpperInvariant() : null;
        if (Request.Cookies[ViewCookie] is { } view && Unprotect(view) is { } id && Guid.TryParse(id, out var submissionId))
            await ShowAsync(submissionId, ct);
    }

    /// <summary>The requester's own attachments, only while their verified view lasts.</summary>
    public async Task<IActionResult> OnGetBerkasAsync(Guid id, CancellationToken ct)
    {
        if (Request.Cookies[ViewCookie] is not { } view || Unprotect(view) is not { } verified || !Guid.TryParse(verified, out var submissionId)) return NotFound();
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.SubmissionId == submissionId, ct);
        if (file is null) return NotFound();
        var code = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.KodePelacakan).FirstAsync(ct);
        await AttachmentDownload.RecordAsync(HttpContext.RequestServices, file, $"Lampiran permohonan {code} diunduh lewat halaman status (kode sekali pakai terverifikasi)", ct);
        return File(file.Isi, file.Mime, file.NamaAsli);
    }

    public async Task<IActionResult> OnPostMintaAsync(CancellationToken ct)
    {
        var code = (KodePelacakan ?? "").Trim().ToUpperInvariant();
        var email = (Email ?? "").Trim();
        if (code.Length == 0) Errors[nameof(KodePelacakan)] = T["Kode pelacakan wajib diisi."];
        if (email.Length == 0) Errors[nameof(Email)] = T["E-mail wajib diisi."];
        if (Errors.Count > 0) return Page();

        var submission = await db.Submissions.AsNoTracking().Where(s => s.KodePelacakan == code)
            .Select(s => new { s.Id, s.Email, s.Nama }).FirstOrDefaultAsync(ct);
        var otp = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var matches = submission is not null && string.Equals(submission.Email, email, StringComparison.OrdinalIgnoreCase);
        var codeId = Guid.Empty;
        if (submission is not null)
        {
            if (await codes.IssueAsync(submission.Id, matches ? otp : null, ct) is not { } issued)
            {
                Errors[nameof(KodePelacakan)] = T["Terlalu banyak kode diminta untuk permohonan ini. Coba lagi dalam satu jam."];
                return Page();
            }
            codeId = issued;
        }
        if (matches)
        {
            var mail = await composer.ComposeAsync(FormsTemplates.KodeSekali, new Dictionary<string, string>
            {
                ["nama"] = submission!.Nama, ["kode"] = code, ["kodeSekali"] = otp,
            }, ct);
            await outbox.EnqueueAsync(new EmailMessage(submission.Email, mail.Judul, mail.Isi), null, ct);
            outbox.Wake();
        }
        // The cookie names the stored code either way: a stranger cannot tell a match from a miss.
        Response.Cookies.Append(OtpCookie, Protector.Protect(codeId.ToString(), CodeLifetime), Cookie(CodeLifetime));
        AwaitingCode = true;
        return Page();
    }

    public async Task<IActionResult> OnPostPeriksaAsync(CancellationToken ct)
    {
        AwaitingCode = true;
        var typed = (KodeSekali ?? "").Trim();
        var codeId = Request.Cookies[OtpCookie] is { } cookie && Guid.TryParse(Unprotect(cookie), out var id) ? id : Guid.Empty;
        var (result, submissionId) = codeId == Guid.Empty ? (KodeSekaliStore.Check.Wrong, Guid.Empty) : await codes.CheckAsync(codeId, typed, ct);
        if (result != KodeSekaliStore.Check.Accepted)
        {
            Errors[nameof(KodeSekali)] = result == KodeSekaliStore.Check.Void
                ? T["Kode ini tidak berlaku lagi (sudah kedaluwarsa atau terlalu sering salah). Minta kode baru."]
                : T["Kode tidak cocok atau sudah kedaluwarsa. Periksa e-mail Anda atau minta kode baru."];
            return Page();
        }
        Response.Cookies.Delete(OtpCookie, Cookie(TimeSpan.Zero));
        Response.Cookies.Append(ViewCookie, Protector.Protect(submissionId.ToString(), ViewLifetime), Cookie(ViewLifetime));
        return Redirect(Url.Content("~/formulir/status"));
    }

    public IActionResult OnPostKeluar()
    {
        Response.Cookies.Delete(ViewCookie, Cookie(TimeSpan.Zero));
        return Redirect(Url.Content("~/formulir/status"));
    }

    private async Task ShowAsync(Guid submissionId, CancellationToken ct)
    {
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Join(db.Forms.AsNoTracking(), s => s.FormId, f => f.Id, (s, f) => new { s.KodePelacakan, f.Judul, s.DikirimPada, s.SopInstanceId })
            .FirstOrDefaultAsync(ct);
        if (row is null) return;
        Time = await campusClock.GetAsync(ct);
        var files = await db.Files.AsNoTracking().Where(f => f.SubmissionId == submissionId).OrderBy(f => f.NamaAsli)
            .Select(f => new { f.Id, f.NamaAsli }).ToListAsync(ct);
        Found = new Viewed(row.KodePelacakan, row.Judul, row.DikirimPada, row.SopInstanceId is { } instance ? await sops.ProgressAsync(instance, ct) : null,
            files.Select(f => (f.Id, f.NamaAsli)).ToList());
    }

    private string? Unprotect(string value)
    {
        try { return Protector.Unprotect(value); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    private CookieOptions Cookie(TimeSpan lifetime) => new()
    {
        HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
        Path = Url.Content("~/formulir"), Expires = lifetime == TimeSpan.Zero ? null : clock.GetUtcNow() + lifetime,
    };
}

using System.Data.Common;
using System.Security.Claims;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>
/// A form on the campus site. On any problem the form comes back with everything the person
/// typed and each message beside its field; a request is stored whole or not at all.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(FormRateLimit.Policy)]
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class FillModel(FormCatalog catalog, SubmissionService submissions, Uploads uploads, IStringLocalizer<S> T, ILogger<FillModel> logger)
    : FormPageModel(catalog, submissions, uploads, T, logger)
{
    public const string Honeypot = "situs_web";
}

/// <summary>What the form page and the embedded form share: reading, checking and storing a request.</summary>
public abstract class FormPageModel(FormCatalog catalog, SubmissionService submissions, Uploads uploads, IStringLocalizer<S> T, ILogger logger) : PageModel
{
    /// <summary>The embedded form works for strangers on another site: it never acts as the signed-in user.</summary>
    public virtual bool Embedded => false;

    public FormVersion Form { get; private set; } = null!;
    public Answers Answers { get; private set; } = new();
    public Guid KunciKirim { get; private set; } = Guid.NewGuid();
    public string? Problem { get; private set; }
    public IReadOnlyDictionary<string, PendingFile> Files { get; private set; } = new Dictionary<string, PendingFile>();

    public async Task<IActionResult> OnGetAsync(string kode, CancellationToken ct)
    {
        var form = await catalog.CurrentAsync(kode, ct);
        if (form is null) return NotFound();
        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kode, CancellationToken ct)
    {
        var form = await catalog.CurrentAsync(kode, ct);
        if (form is null) return NotFound();
        Form = form;
        if (Guid.TryParse(Request.Form["KunciKirim"], out var key)) KunciKirim = key;
        var refused = new Dictionary<string, string>();
        foreach (var field in form.Form.Isian.Where(f => f.Jenis == JenisIsian.Berkas))
        {
            if (Request.Form.Files.GetFile(Answers.FieldPrefix + field.Id) is { Length: > 0 } file
                && await uploads.AcceptAsync(field, file, KunciKirim, ct) is { } reason)
                refused[field.Id] = reason;
        }
        Files = await uploads.PendingAsync(KunciKirim, ct);
        Answers = Answers.Read(form.Form, name => Request.Form[name], T, Files.ToDictionary(f => f.Key, f => f.Value.NamaAsli));
        foreach (var (field, reason) in refused) Answers.Refuse(field, reason);
        if (!string.IsNullOrEmpty(Request.Form[FillModel.Honeypot]))
        {
            Problem = T["Permohonan tidak dapat diproses. Muat ulang halaman lalu coba lagi."];
            return Page();
        }
        if (!Answers.IsValid)
        {
            Problem = T["Periksa kembali isian yang ditandai."];
            return Page();
        }
        try
        {
            var user = !Embedded && User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var accepted = await submissions.SubmitAsync(form, Answers, KunciKirim, ct, user);
            return Redirect(Url.Content($"~/formulir/{form.Form.Kode}{(Embedded ? "/sematan" : "")}/terkirim?kode={accepted.KodePelacakan}"));
        }
        catch (Exception ex) when (ex is DbException or Microsoft.EntityFrameworkCore.DbUpdateException or TimeoutException)
        {
            logger.LogError(ex, "Request on form {Form} could not be stored", form.Form.Kode);
            Problem = T["Sistem sedang mengalami gangguan, sehingga permohonan Anda BELUM tersimpan. Isian Anda masih ada di bawah; silakan kirim lagi dalam beberapa saat."];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}

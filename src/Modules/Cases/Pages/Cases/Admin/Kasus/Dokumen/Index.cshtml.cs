using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Dokumen;

/// <summary>Documents kept on the case with their confidentiality tier; counseling-tier files only for those who may read them.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class DokumenModel(KasusHeaders headers, CaseDocuments documents, ISopSteps steps, CasesDb db, IStringLocalizer<S> localizer)
    : KasusPage(headers, localizer)
{
    public override string Tab => "dokumen";
    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];
    /// <summary>What the active steps ask to be present: offered as names for an upload.</summary>
    public IReadOnlyList<string> Kelengkapan { get; private set; } = [];
    public string? NamaDokumen { get; private set; }
    public string? TingkatDokumen { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        Documents = await documents.OfAsync(User, Case, ct);
        if (Case.SopInstanceId is { } instance)
            Kelengkapan = (await steps.ActiveAsync(instance, User, ct)).SelectMany(s => s.Kelengkapan).Select(k => k.Nama).Distinct().ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dokumen, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        NamaDokumen = dokumen;
        return Page();
    }

    [RequestSizeLimit(11 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 11 * 1024 * 1024)]
    public async Task<IActionResult> OnPostDokumenAsync(Guid id, string? namaDokumen, string? tingkatDokumen, IFormFile? berkas, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (NamaDokumen, TingkatDokumen) = (namaDokumen, tingkatDokumen);
        if (!Open) return Closed();
        var errors = await documents.AddAsync(User, Case, namaDokumen, tingkatDokumen, berkas, ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(T["Dokumen \"{0}\" disimpan.", namaDokumen!.Trim()]);
    }

    public async Task<IActionResult> OnGetBerkasAsync(Guid id, Guid dokumen, CancellationToken ct)
    {
        if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound();
        if (await documents.OpenAsync(User, row, dokumen, ct) is not { } doc) return NotFound();
        return File(doc.Isi, doc.Mime, doc.NamaBerkas);
    }
}

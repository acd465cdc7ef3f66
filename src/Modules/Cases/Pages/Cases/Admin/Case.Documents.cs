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

/// <summary>The case page's documents: letters (make, new version, download), uploaded files, and notes released to the client.</summary>
public sealed partial class CaseModel
{
    public async Task<IActionResult> OnPostRilisAsync(Guid id, long catatan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await timeline.ReleaseAsync(User, Case, catatan, ct) is { } refusal)
        {
            Errors["Isi"] = refusal;
            return Page();
        }
        return Done(T["Catatan dirilis kepada klien; tampil di Permohonan saya."]);
    }

    [RequestSizeLimit(11 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 11 * 1024 * 1024)]
    public async Task<IActionResult> OnPostDokumenAsync(Guid id, Microsoft.AspNetCore.Http.IFormFile? berkas, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open) return Closed();
        var errors = await documents.AddAsync(User, Case, NamaDokumen, TingkatDokumen, berkas, ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(T["Dokumen \"{0}\" disimpan.", NamaDokumen!.Trim()]);
    }

    public async Task<IActionResult> OnGetBerkasAsync(Guid id, Guid dokumen, CancellationToken ct)
    {
        if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound();
        if (await documents.OpenAsync(User, row, dokumen, ct) is not { } doc) return NotFound();
        return File(doc.Isi, doc.Mime, doc.NamaBerkas);
    }

    public async Task<IActionResult> OnPostSuratAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!letters.Available || LetterTemplates.All(t => t.Kode != Templat))
        {
            Errors["Templat"] = T["Pilih templat surat."];
            return Page();
        }
        var values = LetterFields.ToDictionary(f => f.Nama, f => (Nilai.GetValueOrDefault(f.Nama) ?? "").Trim());
        var versiDari = VersiDari is { } earlier && Letters.Any(l => l.Id == earlier) ? earlier : (Guid?)null;
        // On an archived case a letter can only be corrected (a new version of the same number).
        if (!Open && versiDari is null) return Closed();
        var (letter, refusal) = await letters.GenerateAsync(Case, Templat!, values, versiDari, ct);
        if (letter is null)
        {
            Errors["Templat"] = refusal!;
            // What was typed stays in the form.
            LetterFields = LetterFields.Select(f => (f.Nama, values.GetValueOrDefault(f.Nama, ""))).ToList();
            return Page();
        }
        await archiving.FileLetterAsync(Case, letter, values, ct);
        if (!Open) await archiving.FileAsync(Case, ct);
        return Done(letter.IsianKosong.Count > 0
            ? T["Surat {0} (versi {1}) dibuat; isian kosong: {2}.", letter.Nomor, letter.Versi, string.Join(", ", letter.IsianKosong)]
            : T["Surat {0} (versi {1}) dibuat.", letter.Nomor, letter.Versi]);
    }

    public async Task<IActionResult> OnGetUnduhAsync(Guid id, Guid surat, bool html, CancellationToken ct)
    {
        if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound();
        if (await letters.OpenAsync(row, surat, html, ct) is not { } file) return NotFound();
        if (html) ContentSecurityPolicy.For(HttpContext).ForStoredDocument();
        return html ? File(file.Isi, file.Mime) : File(file.Isi, file.Mime, file.NamaBerkas);
    }
}

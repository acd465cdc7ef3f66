using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Import;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Pages.Directory.Admin;

/// <summary>
/// Uploads a SIAKAD export. The file is kept with a queued job and read in the background; the admin
/// follows its progress on the job's page. Files up to <see cref="StudentCsv.MaxBytes"/>; a larger one
/// (up to the request limit) gets a message beside the input instead of an error page.
/// </summary>
[RequirePermission(Permissions.ManageDirectory)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class ImportModel(DirectoryDb db, ImportSignal signal, CurrentShell current, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    private const int RequestLimit = 64 * 1024 * 1024;

    public IReadOnlyList<ImportJob> Jobs { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? berkas, CancellationToken ct)
    {
        if (berkas is null || berkas.Length == 0)
            ModelState.AddModelError("berkas", T["Pilih berkas CSV yang akan diimpor."]);
        else if (berkas.Length > StudentCsv.MaxBytes)
            ModelState.AddModelError("berkas", T["Berkas terlalu besar: paling besar 20 MB (sekitar 200.000 mahasiswa). Bagi berkas menjadi beberapa bagian."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        using var content = new MemoryStream();
        await berkas!.CopyToAsync(content, ct);
        var job = new ImportJob
        {
            Id = Guid.NewGuid(), NamaBerkas = Path.GetFileName(berkas.FileName) is { Length: > 0 and <= 260 } name ? name : "mahasiswa.csv",
            Isi = content.ToArray(), Status = ImportStatus.Menunggu, DibuatPada = clock.GetUtcNow(), DibuatOleh = User.Identity?.Name ?? "?",
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake(current.Shell.Name);
        return Redirect(Url.Content($"~/admin/direktori/impor/{job.Id}"));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.DibuatPada).Take(20)
            .Select(j => new ImportJob
            {
                Id = j.Id, NamaBerkas = j.NamaBerkas, Status = j.Status, Dibaca = j.Dibaca, Diimpor = j.Diimpor, Ditolak = j.Ditolak,
                DibuatPada = j.DibuatPada, DibuatOleh = j.DibuatOleh, SelesaiPada = j.SelesaiPada,
            }).ToListAsync(ct);
}

using System.Globalization;
using System.Text;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Security;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Pages.Directory.Admin;

/// <summary>One import's progress (the page refreshes itself until it ends) and its row error report, also as CSV.</summary>
[RequirePermission(Permissions.ManageDirectory)]
public sealed class JobModel(DirectoryDb db, IStringLocalizer<S> T) : PageModel
{
    public const int ShownErrors = 500;

    public ImportJob Job { get; private set; } = null!;
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public bool Running => Job.Status is ImportStatus.Menunggu or ImportStatus.Berjalan;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job) return NotFound();
        Job = job;
        Errors = await db.ImportErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Baris).ThenBy(e => e.Id).Take(ShownErrors).ToListAsync(ct);
        if (Running) Response.Headers["Refresh"] = "2";
        return Page();
    }

    /// <summary>The whole error report as CSV (";" and a BOM, so spreadsheets in Indonesia open it as columns).</summary>
    public async Task<IActionResult> OnGetKesalahanAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job) return NotFound();
        var errors = await db.ImportErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Baris).ThenBy(e => e.Id).ToListAsync(ct);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in new[] { "baris", "kolom", "nilai", "pesan" }) csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var e in errors)
            {
                csv.WriteField(e.Baris);
                csv.WriteField(e.Kolom);
                csv.WriteField(e.Nilai);
                csv.WriteField(T[e.Pesan].Value);
                await csv.NextRecordAsync();
            }
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"kesalahan-{Path.GetFileNameWithoutExtension(job.NamaBerkas)}.csv");
    }

    private Task<ImportJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new ImportJob
            {
                Id = j.Id, NamaBerkas = j.NamaBerkas, Status = j.Status, Dibaca = j.Dibaca, Diimpor = j.Diimpor, Ditolak = j.Ditolak, Pesan = j.Pesan,
                DibuatPada = j.DibuatPada, DibuatOleh = j.DibuatOleh, MulaiPada = j.MulaiPada, SelesaiPada = j.SelesaiPada,
            }).FirstOrDefaultAsync(ct);
}

using CampusKonseling.Audit;
using CampusKonseling.Forms.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Intake;

/// <summary>
/// A request's attachment leaving the platform is an audit entry ("unduh", subject berkas-formulir/{id}) with
/// the request's tracking code: the campus can answer who took which person's document. The file's name and
/// content stay out of the entry (a name like "surat-dokter-depresi.pdf" is already counseling content).
/// </summary>
public static class AttachmentDownload
{
    public const string Subject = "berkas-formulir";

    /// <summary>Staff with ViewSubmissions, from the requests list; only files that belong to a sent request.</summary>
    public static async Task<IResult> StaffAsync(Guid id, FormsDb db, IServiceProvider services, CancellationToken ct)
    {
        var found = await db.Files.AsNoTracking().Where(f => f.Id == id && f.SubmissionId != null)
            .Join(db.Submissions, f => f.SubmissionId, s => s.Id, (f, s) => new { File = f, s.KodePelacakan }).FirstOrDefaultAsync(ct);
        if (found is null) return Results.NotFound();
        await RecordAsync(services, found.File, $"Lampiran permohonan {found.KodePelacakan} diunduh oleh staf", ct);
        return Results.File(found.File.Isi, found.File.Mime, found.File.NamaAsli);
    }

    /// <summary>Records before the file is handed out: a download that cannot be recorded does not happen.</summary>
    public static Task RecordAsync(IServiceProvider services, UploadedFile file, string ringkasan, CancellationToken ct) =>
        services.GetService<IAuditLog>() is { } log ? log.RecordAsync(new AuditEvent(AuditKinds.Unduh, Subject, file.Id.ToString(), ringkasan), ct) : Task.CompletedTask;
}

using CampusKonseling.Forms.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Pages.Forms.Admin;

/// <summary>Requests as they come in, newest first, with the SOP instance each one started.</summary>
[RequirePermission(Permissions.ViewSubmissions)]
public sealed class IndexModel(FormsDb db, CampusKonseling.Site.CampusClock campusClock) : PageModel
{
    /// <summary>When each request came, in the campus's zone with its name.</summary>
    public CampusKonseling.Site.CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    public sealed record Row(Guid Id, string Kode, DateTimeOffset Dikirim, string Formulir, int Versi, string Nama, string Email, string? Saluran, Guid? Instans);
    public sealed record Attachment(Guid Id, Guid SubmissionId, string Nama);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public ILookup<Guid, Attachment> Files { get; private set; } = Array.Empty<Attachment>().ToLookup(a => a.SubmissionId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = await campusClock.GetAsync(ct);
        Items = await db.Submissions.AsNoTracking().OrderByDescending(s => s.DikirimPada).Take(100)
            .Join(db.Forms, s => s.FormId, f => f.Id, (s, f) => new Row(s.Id, s.KodePelacakan, s.DikirimPada, f.Judul, s.Versi, s.Nama, s.Email, s.Saluran, s.SopInstanceId))
            .ToListAsync(ct);
        var ids = Items.Select(i => i.Id).ToList();
        Files = (await db.Files.AsNoTracking().Where(f => f.SubmissionId != null && ids.Contains(f.SubmissionId.Value))
            .Select(f => new Attachment(f.Id, f.SubmissionId!.Value, f.NamaAsli)).ToListAsync(ct)).ToLookup(a => a.SubmissionId);
    }
}

using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>Notes on the case's timeline at their confidentiality tier, written through the Cases module (counseling text encrypted, audited).</summary>
public static class CaseNotes
{
    public static Task WriteAsync(Stage stage, Guid caseId, Member by, string jenis, string tingkat, string isi, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, by.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            if (await sp.GetRequiredService<CaseTimeline>().WriteAsync(by.Principal, c, jenis, tingkat, isi, ct) is { } refusal)
                throw new InvalidOperationException($"Demo note ({tingkat}): {refusal}");
        }, ct);

    /// <summary>The counselor releases their last session note to the client, who then reads it on "Permohonan saya".</summary>
    public static Task ReleaseAsync(Stage stage, Guid caseId, Member counselor, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, counselor.Principal, async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
            var last = await db.Entries.AsNoTracking().Where(e => e.CaseId == caseId && e.Jenis == JenisCatatan.Sesi).OrderByDescending(e => e.Pada).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
            if (last is { } id) await sp.GetRequiredService<CaseTimeline>().ReleaseAsync(counselor.Principal, c, id, ct);
        }, ct);
}

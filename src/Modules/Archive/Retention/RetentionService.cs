using CampusKonseling.Archive.Data;
using CampusKonseling.Audit;
using CampusKonseling.Modules;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Archive.Retention;

public sealed record DueRecord(Guid Id, string Jenis, string Judul, string? SopJudul, DateTimeOffset? Ditutup, int RetensiHari);

/// <summary>
/// Retention under UU 27/2022: records past their SOP's retensiHari (else the campus default) are listed to the
/// administrator, who confirms; destruction removes the subject (through its owning module), its letters and
/// files, and the archive record with its index entries, and leaves an audit entry naming only the class of record.
/// </summary>
public sealed class RetentionService(ArchiveDb db, ISopLauncher sops, ShellFeatureServices features, IServiceProvider services, TimeProvider clock)
{
    public async Task<int> DefaultDaysAsync(CancellationToken ct) => (await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct))?.RetensiHari ?? ArchiveSettings.DefaultDays;

    public async Task SetDefaultDaysAsync(int days, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(ct);
        if (row is null) db.Settings.Add(new ArchiveSettings { RetensiHari = days });
        else row.RetensiHari = days;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<DueRecord>> DueAsync(CancellationToken ct, int take = 500)
    {
        var defaultDays = await DefaultDaysAsync(ct);
        var bySop = (await sops.ListAsync(ct)).Where(s => s.RetensiHari is not null).ToDictionary(s => s.Kode, s => s.RetensiHari!.Value);
        var now = clock.GetUtcNow();
        var earliest = now.AddDays(-Math.Min(defaultDays, bySop.Count == 0 ? defaultDays : bySop.Values.Min()));
        // Letters filed on a case go with their case, not on their own.
        var candidates = await db.Records.AsNoTracking().Where(r => r.Jenis != "surat" && r.Ditutup != null && r.Ditutup < earliest).OrderBy(r => r.Ditutup)
            .Select(r => new { r.Id, r.Jenis, r.Judul, r.SopKode, r.SopJudul, r.Ditutup }).Take(take * 4).ToListAsync(ct);
        return candidates
            .Select(r => new DueRecord(r.Id, r.Jenis, r.Judul, r.SopJudul, r.Ditutup, r.SopKode is { } k && bySop.TryGetValue(k, out var d) ? d : defaultDays))
            .Where(r => r.Ditutup < now.AddDays(-r.RetensiHari)).Take(take).ToList();
    }

    /// <returns>How many were destroyed; records not (or no longer) due are left alone.</returns>
    public async Task<int> DestroyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var due = (await DueAsync(ct, 10_000)).Where(d => ids.Contains(d.Id)).ToList();
        var owners = features.Contracts<IArchiveSubjectOwner>().ToDictionary(o => o.Jenis);
        foreach (var d in due)
        {
            var subject = await db.Records.AsNoTracking().Where(r => r.Id == d.Id).Select(r => r.SubjekId).FirstAsync(ct);
            if (owners.TryGetValue(d.Jenis, out var owner)) await owner.DestroyAsync(subject, ct);
            await db.Records.Where(r => r.Id == d.Id || (r.Jenis == "surat" && r.SubjekId.StartsWith(subject + "/"))).ExecuteDeleteAsync(ct);
            if (services.GetService<IAuditLog>() is { } audit)
                await audit.RecordAsync(new AuditEvent(AuditKinds.Hapus, "arsip", d.Id.ToString(),
                    $"Arsip {d.Jenis} ({d.SopJudul ?? "tanpa SOP"}, ditutup {d.Ditutup:yyyy-MM}) dimusnahkan setelah masa simpan {d.RetensiHari} hari"), ct);
        }
        return due.Count;
    }
}

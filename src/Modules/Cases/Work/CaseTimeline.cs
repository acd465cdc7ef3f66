using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Notifications;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

/// <summary>An entry as a reader may see it: counseling-tier text only for those who may read it.</summary>
public sealed record TimelineEntry(long Id, string Jenis, string Tingkat, string? Isi, string OlehNama, DateTimeOffset Pada, bool Tertutup, DateTimeOffset? DirilisPada = null);

/// <summary>
/// The case's notes, log book and agreements: written with their confidentiality tier, counseling text
/// encrypted; every read of the counseling tier, every change and every break-glass goes to the audit log.
/// </summary>
public sealed class CaseTimeline(
    CasesDb db, CaseAccess access, CounselingProtector protector, INotifier notifier, IUserDirectory directory,
    CaseAudit audit, CampusKonseling.Workflows.ISopSteps steps, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct = default)
    {
        var counseling = await access.CanReadCounselingAsync(user, c, ct);
        var entries = await db.Entries.AsNoTracking().Where(e => e.CaseId == c.Id).OrderByDescending(e => e.Pada).ThenByDescending(e => e.Id).ToListAsync(ct);
        if (counseling && entries.Any(e => e.Tingkat == Tingkat.Konseling))
            await audit.RecordAsync(AuditKinds.BacaKonseling, c, $"Catatan konseling kasus {c.Nomor} dibaca", ct);
        return entries.Select(e => e.Tingkat == Tingkat.Konseling && !counseling
            ? new TimelineEntry(e.Id, e.Jenis, e.Tingkat, null, e.OlehNama, e.Pada, true, e.DirilisPada)
            : new TimelineEntry(e.Id, e.Jenis, e.Tingkat, e.Terenkripsi ? protector.Unprotect(e.Isi) : e.Isi, e.OlehNama, e.Pada, false, e.DirilisPada)).ToList();
    }

    /// <returns>An Indonesian refusal, or null when written.</returns>
    public async Task<string?> WriteAsync(ClaimsPrincipal user, CaseRow c, string jenis, string tingkat, string isi, CancellationToken ct = default)
    {
        if (!Tingkat.All.Contains(tingkat)) return T["Pilih tingkat kerahasiaan catatan."];
        if (string.IsNullOrWhiteSpace(isi)) return T["Isi catatan wajib diisi."];
        if (tingkat == Tingkat.Konseling && !await access.CanReadCounselingAsync(user, c, ct))
            return T["Catatan konseling hanya dapat ditulis oleh konselor kasus ini."];
        var secret = tingkat == Tingkat.Konseling;
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = jenis, Tingkat = tingkat, Isi = secret ? protector.Protect(isi.Trim()) : isi.Trim(), Terenkripsi = secret,
            OlehId = CaseAccess.UserId(user), OlehNama = NameOf(user), Pada = clock.GetUtcNow(),
        });
        await TouchAsync(c, ct);
        if (FirstContact.Kinds.Contains(jenis)) await FirstContact.RecordAsync(db, c.Id, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditKinds.Buat, c, $"Catatan {jenis} ({tingkat}) ditambahkan pada kasus {c.Nomor}", ct);
        return null;
    }

    /// <summary>The counselor releases one entry to the client (a report, advice); it then shows in "Permohonan saya". Audited.</summary>
    public async Task<string?> ReleaseAsync(ClaimsPrincipal user, CaseRow c, long entryId, CancellationToken ct = default)
    {
        if (!await access.CanReadCounselingAsync(user, c, ct)) return T["Hanya konselor kasus ini yang dapat merilis catatan kepada klien."];
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.CaseId == c.Id, ct);
        if (entry is null || entry.Jenis == JenisCatatan.BukaDarurat) return T["Catatan tidak ditemukan."];
        entry.DirilisPada ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Catatan {entry.Jenis} kasus {c.Nomor} dirilis kepada klien", ct);
        return null;
    }

    /// <summary>Opens the counseling tier for an hour with a written reason; audited, and the unit heads are told.</summary>
    public async Task<string?> BreakGlassAsync(ClaimsPrincipal user, CaseRow c, string alasan, CancellationToken ct = default)
    {
        if ((alasan ?? "").Trim().Length < 15) return T["Tuliskan alasan membuka catatan konseling (minimal 15 karakter)."];
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = JenisCatatan.BukaDarurat, Tingkat = Tingkat.Administratif, Isi = alasan!.Trim(),
            OlehId = CaseAccess.UserId(user), OlehNama = NameOf(user), Pada = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.BukaDarurat, c, $"Buka darurat catatan konseling kasus {c.Nomor} oleh {NameOf(user)}", ct);
        var heads = await directory.UsersWithPermissionAsync(Permissions.SuperviseCases, ct);
        await notifier.NotifyUsersAsync(heads.Select(h => h.Id), new Notification("kasus-buka-darurat",
            T.Keyed("Buka darurat: kasus {0}", c.Nomor), T.Keyed("{0} membuka catatan konseling kasus {1} dengan alasan: {2}", NameOf(user), c.Nomor, alasan.Trim()),
            $"admin/kasus/{c.Id}", Surel: true), ct);
        return null;
    }

    /// <summary>
    /// The case's counselor, and so the SOP's "konselor" assignment: lanes bound to the assigned counselor follow the case.
    /// A change of counselor is a reassignment and says whom it replaced.
    /// </summary>
    public async Task AssignAsync(ClaimsPrincipal user, CaseRow c, UserRef konselor, CancellationToken ct = default)
    {
        var before = c.KonselorId is { } old && old != konselor.Id ? c.KonselorNama : null;
        c.KonselorId = konselor.Id;
        c.KonselorNama = konselor.Nama;
        if (c.Status == CaseStatus.Baru) c.Status = CaseStatus.Berjalan;
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = JenisCatatan.Penugasan, Tingkat = Tingkat.Administratif, Isi = before is null ? T["Ditugaskan kepada {0}", konselor.Nama] : T["Ditugaskan kepada {0} (sebelumnya {1})", konselor.Nama, before],
            OlehId = CaseAccess.UserId(user), OlehNama = NameOf(user), Pada = clock.GetUtcNow(),
        });
        await TouchAsync(c, ct, assignment: true);
        if (c.SopInstanceId is { } instance)
            await steps.UpdateAsync(instance, new Dictionary<string, string?> { [Penugasan("konselor")] = konselor.Id, [Penugasan("konselor") + ".nama"] = konselor.Nama }, ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Kasus {c.Nomor} ditugaskan kepada {konselor.Nama}", ct);
        await notifier.NotifyUsersAsync([konselor.Id], new Notification("kasus-ditugaskan", T.Keyed("Kasus {0} ditugaskan kepada Anda", c.Nomor),
            T.Keyed("{0} menugaskan kasus {1} kepada Anda.", NameOf(user), c.Nomor), $"admin/kasus/{c.Id}"), ct);
    }

    /// <summary>
    /// Saves only what this request changed on the case (the time, and the assignment fields when they changed):
    /// the SOP's copy of the current step, written by other requests meanwhile, must not be overwritten.
    /// </summary>
    private async Task TouchAsync(CaseRow c, CancellationToken ct, bool assignment = false)
    {
        c.DiperbaruiPada = clock.GetUtcNow();
        var entry = db.Entry(c);
        if (entry.State == EntityState.Detached)
        {
            db.Cases.Attach(c);
            entry.Property(x => x.DiperbaruiPada).IsModified = true;
            if (assignment)
            {
                entry.Property(x => x.KonselorId).IsModified = true;
                entry.Property(x => x.KonselorNama).IsModified = true;
                entry.Property(x => x.Status).IsModified = true;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A person named for an SOP assignment other than the counselor (the accompanying staff member), recorded on the timeline.</summary>
    public async Task NameAsync(ClaimsPrincipal user, CaseRow c, string penugasan, UserRef person, string? before, CancellationToken ct = default)
    {
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = JenisCatatan.Penugasan, Tingkat = Tingkat.Administratif,
            Isi = before is null ? T["Ditunjuk sebagai {0}: {1}", penugasan, person.Nama] : T["Ditunjuk sebagai {0}: {1} (sebelumnya {2})", penugasan, person.Nama, before],
            OlehId = CaseAccess.UserId(user), OlehNama = NameOf(user), Pada = clock.GetUtcNow(),
        });
        await TouchAsync(c, ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Kasus {c.Nomor}: {person.Nama} ditunjuk sebagai {penugasan}", ct);
        await notifier.NotifyUsersAsync([person.Id], new Notification("kasus-ditunjuk", T.Keyed("Anda ditunjuk sebagai {0} kasus {1}", penugasan, c.Nomor),
            T.Keyed("{0} menunjuk Anda sebagai {1} kasus {2}.", NameOf(user), penugasan, c.Nomor), $"admin/kasus/{c.Id}"), ct);
    }

    /// <summary>The instance context key of an assignment (the SOP module's Konteks.Penugasan, which Cases cannot reference).</summary>
    public static string Penugasan(string nama) => "penugasan." + nama;

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-";
}

using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;
using CampusKonseling.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

public sealed record DispositionInput(string? Sebagai, string? KepadaPeran, string? Instruksi, DateOnly? BatasWaktu, Guid? IndukId);

/// <summary>
/// Dispositions down a chain of leaders (IPDN's therapy SOP: Kepala Unit → Kepala Biro III → Rektor and back):
/// each names the receiving role, the instruction and the deadline; the receiving role is told, may pass it on,
/// and reports back, which tells the giver.
/// </summary>
public sealed class Dispositions(CasesDb db, INotifier notifier, CaseAudit audit, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<IReadOnlyList<Disposition>> OfAsync(Guid caseId, CancellationToken ct) =>
        await db.Dispositions.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.DibuatPada).ToListAsync(ct);

    public static IReadOnlySet<string> RolesOf(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();

    public async Task<Dictionary<string, string>> GiveAsync(ClaimsPrincipal user, CaseRow c, DispositionInput i, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var mine = RolesOf(user);
        if (string.IsNullOrWhiteSpace(i.Sebagai) || !mine.Contains(i.Sebagai)) errors["Sebagai"] = T["Pilih jabatan Anda yang memberi disposisi."];
        if (string.IsNullOrWhiteSpace(i.KepadaPeran) || !roles.Contains(i.KepadaPeran)) errors["KepadaPeran"] = T["Pilih peran penerima disposisi."];
        if (string.IsNullOrWhiteSpace(i.Instruksi)) errors["Instruksi"] = T["Tuliskan isi disposisi."];
        if (i.BatasWaktu is { } due && due < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors["BatasWaktu"] = T["Batas waktu sudah lewat."];
        Disposition? parent = null;
        if (i.IndukId is { } pid && (parent = await db.Dispositions.FirstOrDefaultAsync(d => d.Id == pid && d.CaseId == c.Id, ct)) is null) errors["Instruksi"] = T["Disposisi asal tidak ditemukan."];
        if (parent is not null && !mine.Contains(parent.KepadaPeran)) errors["Instruksi"] = T["Hanya penerima disposisi yang dapat meneruskannya."];
        if (errors.Count > 0) return errors;

        var d = new Disposition
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, IndukId = parent?.Id, DariId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", DariNama = CaseTimeline.NameOf(user),
            DariPeran = i.Sebagai!, KepadaPeran = i.KepadaPeran!, Instruksi = i.Instruksi!.Trim(), BatasWaktu = i.BatasWaktu, Status = StatusDisposisi.Menunggu, DibuatPada = clock.GetUtcNow(),
        };
        db.Dispositions.Add(d);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Disposisi {d.DariPeran} kepada {d.KepadaPeran} pada kasus {c.Nomor}", ct);
        await notifier.NotifyRoleAsync(d.KepadaPeran, new Notification("kasus-disposisi", T["Disposisi kasus {0} dari {1}", c.Nomor, d.DariPeran],
            T["{0}: {1}", d.DariNama, d.Instruksi] + (d.BatasWaktu is { } b ? " " + T["Batas waktu {0}.", b.ToString("dd/MM/yyyy")] : ""), $"admin/kasus/{c.Id}", Surel: true), ct);
        return errors;
    }

    public async Task<string?> ReportAsync(ClaimsPrincipal user, CaseRow c, Guid id, string? laporan, CancellationToken ct)
    {
        var d = await db.Dispositions.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == c.Id, ct);
        if (d is null) return T["Disposisi tidak ditemukan."];
        if (!RolesOf(user).Contains(d.KepadaPeran)) return T["Hanya penerima disposisi yang dapat melaporkannya."];
        if (string.IsNullOrWhiteSpace(laporan)) return T["Tuliskan laporan pelaksanaan disposisi."];
        d.Status = StatusDisposisi.Dilaporkan;
        d.Laporan = laporan.Trim();
        d.DilaporkanOleh = CaseTimeline.NameOf(user);
        d.DilaporkanPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Disposisi kepada {d.KepadaPeran} pada kasus {c.Nomor} dilaporkan", ct);
        await notifier.NotifyUsersAsync([d.DariId], new Notification("kasus-disposisi-laporan", T["Laporan disposisi kasus {0}", c.Nomor],
            T["{0} ({1}): {2}", d.DilaporkanOleh, d.KepadaPeran, d.Laporan], $"admin/kasus/{c.Id}"), ct);
        return null;
    }

    /// <summary>Letter placeholders from the chain: disposisi_{role} (and its first two words), e.g. disposisi_kepala_unit, disposisi_kepala_biro.</summary>
    public static void AddLetterValues(IEnumerable<Disposition> chain, IDictionary<string, string> values)
    {
        foreach (var d in chain)
        {
            var words = System.Text.RegularExpressions.Regex.Split(d.DariPeran.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0).ToArray();
            values.TryAdd("disposisi_" + string.Join('_', words), d.Instruksi);
            if (words.Length > 2) values.TryAdd("disposisi_" + string.Join('_', words.Take(2)), d.Instruksi);
        }
    }

}

using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;
using CampusKonseling.Notifications;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

public sealed record DispositionInput(string? Instruksi, DateOnly? BatasWaktu);

/// <summary>A disposition an active SOP step asks of the reader now: from the step's lane role to the action's <c>kepada</c> lane.</summary>
/// <param name="Induk">The disposition the giver received and now passes on along the chain, if any.</param>
public sealed record DispositionToGive(string StepId, string StepLabel, string DariPeran, string KepadaLajur, string KepadaPeran, Disposition? Induk);

/// <summary>What the reader may do with the case's dispositions now, or why not (which steps and lanes give them).</summary>
public sealed record DispositionWork(IReadOnlyList<DispositionToGive> Give, IReadOnlySet<Guid> MayReport, string? Where)
{
    public static readonly DispositionWork None = new([], new HashSet<Guid>(), null);
}

/// <summary>
/// Dispositions follow the SOP (IPDN's therapy SOP: Kepala Unit → Kepala Biro III → Rektor and back): a disposition is
/// given only on an active step carrying a <c>disposisi</c> action, by whoever performs that step's lane, to the lane the
/// action names; it is reported back on a step carrying <c>laporDisposisi</c>. The receiving role is told; a report tells the giver.
/// </summary>
public sealed class Dispositions(CasesDb db, INotifier notifier, CaseAudit audit, TimeProvider clock, ISopSteps steps,
    CampusKonseling.Users.IUserDirectory directory, IStringLocalizer<S> T)
{
    public async Task<IReadOnlyList<Disposition>> OfAsync(Guid caseId, CancellationToken ct) =>
        await db.Dispositions.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.DibuatPada).ToListAsync(ct);

    public static IReadOnlySet<string> RolesOf(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();

    /// <summary>The dispositions the reader may give and report on now, from the case's active SOP steps.</summary>
    public async Task<DispositionWork> WorkAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct)
    {
        if (c.SopInstanceId is not { } instance || c.Status is not (CaseStatus.Baru or CaseStatus.Berjalan)) return DispositionWork.None;
        var mine = RolesOf(user);
        var chain = await OfAsync(c.Id, ct);
        var give = new List<DispositionToGive>();
        var report = new HashSet<Guid>();
        foreach (var step in (await steps.ActiveAsync(instance, user, ct)).Where(s => s.BolehDikerjakan))
        {
            var laneRoles = step.PelaksanaPeran.OfType<string>().ToList();
            // The giver speaks as the lane they hold; a person named for the step (an assignee) as the step's first lane.
            var giver = laneRoles.FirstOrDefault(mine.Contains) ?? laneRoles.FirstOrDefault();
            foreach (var a in step.Aksi.Where(a => a.Bukti is null))
            {
                if (a.Jenis == AksiJenis.Disposisi && giver is not null && a.KepadaPeran is { } to)
                    give.Add(new DispositionToGive(step.StepId, step.Label, giver, a.KepadaLajur ?? to, to,
                        chain.LastOrDefault(d => d.KepadaPeran == giver && d.Status == StatusDisposisi.Menunggu)));
                if (a.Jenis == AksiJenis.LaporDisposisi)
                    report.UnionWith(chain.Where(d => d.Status == StatusDisposisi.Menunggu && laneRoles.Contains(d.KepadaPeran)).Select(d => d.Id));
            }
        }
        return new DispositionWork(give, report, give.Count == 0 ? await WhereAsync(instance, ct) : null);
    }

    /// <summary>Which steps of the case's SOP give dispositions, by which lane, to whom: the refusal's explanation.</summary>
    private async Task<string> WhereAsync(Guid instance, CancellationToken ct)
    {
        var where = await steps.StepsWithAsync(instance, AksiJenis.Disposisi, ct);
        if (where.Count == 0) return T["SOP kasus ini tidak memuat langkah pemberian disposisi."];
        return T["Disposisi diberikan sesuai SOP: {0}.", string.Join("; ", where.Select(w =>
            T["langkah {0} oleh {1} kepada {2}", w.Label, string.Join("/", w.Pelaksana), w.Aksi.KepadaLajur ?? "-"].Value))];
    }

    /// <summary>Gives the disposition of the active step <paramref name="stepId"/>: the receiver is the step's, not the giver's choice.</summary>
    public async Task<Dictionary<string, string>> GiveAsync(ClaimsPrincipal user, CaseRow c, string? stepId, DispositionInput i, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var work = await WorkAsync(user, c, ct);
        var task = work.Give.FirstOrDefault(g => g.StepId == stepId) ?? (stepId is null && work.Give.Count == 1 ? work.Give[0] : null);
        if (task is null)
        {
            errors["Disposisi"] = c.SopInstanceId is null
                ? T["Kasus ini belum menjalankan SOP; disposisi diberikan pada langkah SOP yang memuatnya."]
                : T["Anda tidak sedang mengerjakan langkah SOP yang memberi disposisi pada kasus ini."] + " " + (work.Where ?? await WhereAsync(c.SopInstanceId.Value, ct));
            return errors;
        }
        if (string.IsNullOrWhiteSpace(i.Instruksi)) errors["Instruksi"] = T["Tuliskan isi disposisi."];
        if (i.BatasWaktu is { } due && due < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors["BatasWaktu"] = T["Batas waktu sudah lewat."];
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow();
        var d = new Disposition
        {
            Id = Guid.CreateVersion7(now), CaseId = c.Id, IndukId = task.Induk?.Id, DariId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", DariNama = CaseTimeline.NameOf(user),
            DariPeran = task.DariPeran, KepadaPeran = task.KepadaPeran, Instruksi = i.Instruksi!.Trim(), BatasWaktu = i.BatasWaktu, Status = StatusDisposisi.Menunggu, DibuatPada = now,
        };
        db.Dispositions.Add(d);
        // Passed on along the chain: the one received is no longer waiting on its receiver.
        if (task.Induk is { } induk && await db.Dispositions.FirstOrDefaultAsync(x => x.Id == induk.Id, ct) is { } parent) parent.Status = StatusDisposisi.Diteruskan;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Disposisi {d.DariPeran} kepada {d.KepadaPeran} pada kasus {c.Nomor} (langkah {task.StepLabel})", ct);
        // Only staff roles are told: a disposition never goes to a client lane, but a role is checked, not assumed.
        if ((await directory.RolesWithPermissionAsync(Permissions.ViewCases, ct)).Contains(d.KepadaPeran))
            await notifier.NotifyRoleAsync(d.KepadaPeran, new Notification("kasus-disposisi", T.Keyed("Disposisi kasus {0} dari {1}", c.Nomor, d.DariPeran),
                d.BatasWaktu is { } b ? T.Keyed("{0}: {1}", d.DariNama, d.Instruksi).Then(T.Keyed("Batas waktu {0}.", b.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)))
                    : T.Keyed("{0}: {1}", d.DariNama, d.Instruksi), $"admin/kasus/{c.Id}", Surel: true), ct);
        return errors;
    }

    /// <summary>After a disposition or a report, the steps whose work is now all done complete themselves (as the reader); their labels.</summary>
    public async Task<IReadOnlyList<string>> CompleteDoneStepsAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct) =>
        c.SopInstanceId is { } instance ? await steps.CompleteDoneAsync(instance, user, ct) : [];

    /// <summary>Reports back on a disposition addressed to the lane of an active <c>laporDisposisi</c> step the reader performs.</summary>
    public async Task<string?> ReportAsync(ClaimsPrincipal user, CaseRow c, Guid id, string? laporan, CancellationToken ct)
    {
        var d = await db.Dispositions.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == c.Id, ct);
        if (d is null) return T["Disposisi tidak ditemukan."];
        if (!(await WorkAsync(user, c, ct)).MayReport.Contains(d.Id))
        {
            var where = c.SopInstanceId is { } instance ? await steps.StepsWithAsync(instance, AksiJenis.LaporDisposisi, ct) : [];
            return T["Hanya penerima disposisi, pada langkah SOP yang melaksanakannya, yang dapat melaporkannya."]
                + (where.Count > 0 ? " " + T["Laporan disposisi: {0}.", string.Join("; ", where.Select(w => T["langkah {0} oleh {1}", w.Label, string.Join("/", w.Pelaksana)].Value))] : "");
        }
        if (string.IsNullOrWhiteSpace(laporan)) return T["Tuliskan laporan pelaksanaan disposisi."];
        d.Status = StatusDisposisi.Dilaporkan;
        d.Laporan = laporan.Trim();
        d.DilaporkanOleh = CaseTimeline.NameOf(user);
        d.DilaporkanPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Disposisi kepada {d.KepadaPeran} pada kasus {c.Nomor} dilaporkan", ct);
        await notifier.NotifyUsersAsync([d.DariId], new Notification("kasus-disposisi-laporan", T.Keyed("Laporan disposisi kasus {0}", c.Nomor),
            T.Keyed("{0} ({1}): {2}", d.DilaporkanOleh, d.KepadaPeran, d.Laporan), $"admin/kasus/{c.Id}"), ct);
        return null;
    }

    /// <summary>
    /// Letter placeholders from the chain (the Lembar Disposisi): disposisi_{role} (and its first two words), e.g. disposisi_kepala_unit,
    /// disposisi_kepala_biro, disposisi_rektor; with who carried it out and their report.
    /// </summary>
    public static void AddLetterValues(IEnumerable<Disposition> chain, IDictionary<string, string> values)
    {
        var list = chain.OrderBy(d => d.DibuatPada).ToList();
        // The latest disposition of each role wins (a chain may go round after a return).
        foreach (var d in Enumerable.Reverse(list))
        {
            var words = System.Text.RegularExpressions.Regex.Split(d.DariPeran.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0).ToArray();
            var text = d.BatasWaktu is { } b ? $"{d.Instruksi} (batas {b:dd/MM/yyyy})" : d.Instruksi;
            values.TryAdd("disposisi_" + string.Join('_', words), text);
            if (words.Length > 2) values.TryAdd("disposisi_" + string.Join('_', words.Take(2)), text);
        }
        if (list.Count == 0) return;
        var last = list[^1];
        values.TryAdd("disposisi_rantai", string.Join(" → ", list.Select(d => d.DariPeran).Append(last.KepadaPeran)));
        values.TryAdd("pelaksana", last.DilaporkanOleh is { } oleh ? $"{oleh} ({last.KepadaPeran})" : last.KepadaPeran);
        if (last.Laporan is { } laporan) values.TryAdd("laporan_disposisi", laporan);
    }
}

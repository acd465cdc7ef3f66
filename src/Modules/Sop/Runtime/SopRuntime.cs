using System.Data.Common;
using System.Security.Claims;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Sop.Waktu;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Sop.Runtime;

public sealed record RuntimeResult(SopInstance? Instance, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The engine at work in the current campus: its working calendar, its database, its SLA
/// timers and its notifications. Everything that starts or moves an instance goes through here.
/// </summary>
public sealed partial class SopRuntime(
    SopDb db, ISopStore store, IInstanceLocks locks, TimeProvider clock, ISiteSettings settings,
    ISlaTimers timers, INotifier notifier, IOutbox outbox, CampusKonseling.Users.IUserDirectory directory, CurrentShell current, CampusKonseling.Modules.ShellFeatureServices features,
    SopMetrics metrics, CampusClock campusClock, IStringLocalizer<S> T, ILogger<SopRuntime> logger)
{
    /// <param name="beforeCommit">What the transition does before it commits; by default it sets its SLA timers.</param>
    public async Task<SopEngine> EngineAsync(CancellationToken ct = default, Func<EngineResult, CancellationToken, Task>? beforeCommit = null) =>
        new(store, locks, clock, new WorkingCalendar(await settings.GetAsync(ct))) { BeforeCommit = beforeCommit ?? SetTimersAsync };

    /// <summary>
    /// The timers of the steps a transition opened or moved, set before it commits: lost neither when the process dies
    /// right after the commit nor set for a transition that did not happen (their job then finds nothing to do).
    /// </summary>
    private async Task SetTimersAsync(EngineResult result, CancellationToken ct)
    {
        var instance = result.Instance!;
        foreach (var active in result.Activated.Where(instance.Aktif.Contains))
            await timers.ScheduleAsync(current.Shell.Name, instance.Id, active, ct);
        // A moved step's new times; a kind it no longer has is removed only after the commit (ScheduleAndNotifyAsync).
        foreach (var moved in result.Rescheduled)
            await timers.ScheduleAsync(current.Shell.Name, instance.Id, moved, ct);
    }

    /// <summary>Starts an instance on the definition's current version.</summary>
    /// <param name="masuk">The channel it enters by (jadwal for a schedule's start); null starts at the start step.</param>
    public async Task<RuntimeResult> StartAsync(Guid definitionId, Actor by, string subjek, IReadOnlyDictionary<string, string>? konteks = null, CancellationToken ct = default, string? masuk = null)
    {
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct);
        if (definition is null) return new RuntimeResult(null, T["SOP tidak ditemukan."]);
        var versionId = await db.Versions.Where(v => v.DefinitionId == definitionId && v.Versi == definition.VersiAktif).Select(v => v.Id).FirstAsync(ct);
        var version = (await store.VersionAsync(versionId, ct))!;
        var result = await (await EngineAsync(ct)).StartAsync(version, by, string.IsNullOrWhiteSpace(subjek) ? version.Definition.Judul : subjek.Trim(), konteks, ct, masuk);
        await AfterAsync(version.Definition, result, ct);
        logger.LogInformation("SOP {Kode} v{Versi}: instance {Instance} started", version.Definition.Kode, version.Versi, result.Instance!.Id);
        return new RuntimeResult(result.Instance, null);
    }

    public async Task<RuntimeResult> CompleteAsync(Guid instanceId, CompleteStep command, Actor by, CancellationToken ct = default)
    {
        // The step's actions are looked for on the case before the engine decides: completing the step is doing its work.
        if (!command.Lewati && command.Bukti is null && await store.InstanceAsync(instanceId, ct) is { } current
            && current.Aktif.FirstOrDefault(a => a.StepId == command.StepId) is { } active)
        {
            var definition = (await store.VersionAsync(current.VersionId, ct))!.Definition;
            if (definition.Find(command.StepId) is { Aksi.Count: > 0 } step)
            {
                var actions = await ActionsAsync(definition, current, step, active, ct);
                command = command with { Bukti = actions.Where(a => a.Bukti is not null).ToDictionary(a => a.Index, a => a.Bukti!) };
            }
        }
        var result = await (await EngineAsync(ct)).CompleteAsync(instanceId, command, by, ct);
        if (!result.Succeeded) return new RuntimeResult(result.Instance, await LocalizeAsync(result.Error!, ct));
        var version = (await store.VersionAsync(result.Instance!.VersionId, ct))!;
        await AfterAsync(version.Definition, result, ct);
        return new RuntimeResult(result.Instance, null);
    }

    /// <summary>Facts of the instance changed (assignment, a date, urgency, the client's account): due times and automatic decisions follow.</summary>
    public async Task<RuntimeResult> UpdateAsync(Guid instanceId, IReadOnlyDictionary<string, string?> changes, Actor by, CancellationToken ct = default)
    {
        var result = await (await EngineAsync(ct)).UpdateAsync(instanceId, changes, by, ct);
        if (!result.Succeeded) return new RuntimeResult(result.Instance, await LocalizeAsync(result.Error!, ct));
        if (result.Events.Count > 0) await AfterAsync((await store.VersionAsync(result.Instance!.VersionId, ct))!.Definition, result, ct);
        return new RuntimeResult(result.Instance, null);
    }

    /// <summary>A step's actions as modules see them, each with what shows it done since the step became active.</summary>
    public async Task<IReadOnlyList<CampusKonseling.Workflows.SopAksi>> ActionsAsync(SopDefinition definition, SopInstance instance, Langkah step, ActiveStep active, CancellationToken ct)
    {
        var plugins = features.Contracts<CampusKonseling.Workflows.IStepAction>().ToList();
        var list = new List<CampusKonseling.Workflows.SopAksi>();
        for (var i = 0; i < step.Aksi.Count; i++)
        {
            var info = Describe(definition, step.Aksi[i], i);
            // Several modules may do one kind of work (a letter for a case, a letter for a programme): each looks on its own subject.
            var context = new CampusKonseling.Workflows.StepActionContext(instance.Id, definition.Kode, step.Id, step.Label, active.ActivationId, active.DiaktifkanPada, info, instance.Konteks)
                { PelaksanaPeran = LaneRoles(definition, step) };
            foreach (var plugin in plugins.Where(p => p.Jenis == info.Jenis))
                if (await plugin.EvidenceAsync(context, ct) is { } bukti)
                {
                    info = info with { Bukti = bukti };
                    break;
                }
            list.Add(info);
        }
        return list;
    }

    /// <summary>The roles of a step's staff lanes: who gives a disposition the step carries.</summary>
    public static IReadOnlyList<string> LaneRoles(SopDefinition d, Langkah step) =>
        step.Pelaksana.Select(p => d.Lane(p)).Where(l => l is { Klien: false }).Select(l => l!.Peran).OfType<string>().Distinct().ToList();

    public static CampusKonseling.Workflows.SopAksi Describe(SopDefinition d, Aksi a, int index) => new(
        index, a.Jenis, a.Label(d), a.Templat, a.Dokumen, a.Kepada is { } k ? d.Lane(k)?.Nama : null, a.Kepada is { } k2 ? d.Lane(k2)?.Peran : null,
        a.Penugasan, a.Penugasan is { } p ? d.Pelaksana.FirstOrDefault(l => l.Penugasan == p)?.Peran : null, a.Opsional);

    public static Actor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonim",
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());

    /// <summary>Timers and notifications of an instance started in someone else's transaction, once that committed.</summary>
    public Task AfterStartAsync(SopDefinition definition, EngineResult result, CancellationToken ct) => AfterAsync(definition, result, ct);

    /// <summary>
    /// Timers and notifications follow a committed transition. A failure here must not turn the
    /// user's completed step into an error page, so it is logged (the overdue list still shows due times).
    /// </summary>
    private async Task AfterAsync(SopDefinition definition, EngineResult result, CancellationToken ct)
    {
        metrics.Changed(current.Shell.Name, definition.Kode, result.Events);
        try
        {
            await ScheduleAndNotifyAsync(definition, result, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "SOP {Kode}: timers or notifications after a transition of instance {Instance} failed", definition.Kode, result.Instance!.Id);
        }
    }

    private async Task ScheduleAndNotifyAsync(SopDefinition definition, EngineResult result, CancellationToken ct)
    {
        var instance = result.Instance!;
        await TellObserversAsync(definition, instance, ct);
        // Timers of ended steps are removed once the end is committed (one left behind finds its step inactive and does nothing).
        foreach (var closed in result.Closed) await timers.CancelAsync(closed.ActivationId, ct);
        foreach (var moved in result.Rescheduled.Where(m => m.PengingatPada is null || m.JatuhTempo is null))
            await timers.ScheduleAsync(current.Shell.Name, instance.Id, moved, ct, moved: true);
        foreach (var active in result.Activated.Where(instance.Aktif.Contains))
        {
            var step = definition.Find(active.StepId)!;
            if (SopEngine.BySystem(step, instance.Konteks))
            {
                await PerformAsync(definition, instance, step, active, ct);
                continue;
            }
            var task = KeyedText.Plain($"{step.Uraian} — {instance.Subjek}.");
            await NotifyActorsAsync(definition, step, instance, new Notification("sop-tugas", T.Keyed("Tugas baru: langkah {0} {1}", step.Label, definition.Judul),
                active.JatuhTempo is { } due ? task.Then(T.Keyed("Jatuh tempo {0}.", due)) : task, await LinkAsync(instance, ct)), ct);
        }
    }

    /// <summary>The system does an automatic step's own actions (a message to the client); the step completes when their module signals it.</summary>
    private async Task PerformAsync(SopDefinition definition, SopInstance instance, Langkah step, ActiveStep active, CancellationToken ct)
    {
        var plugins = features.Contracts<CampusKonseling.Workflows.IStepAction>().OfType<CampusKonseling.Workflows.IAutomaticStepAction>().ToList();
        for (var i = 0; i < step.Aksi.Count; i++)
        {
            var info = Describe(definition, step.Aksi[i], i);
            if (plugins.FirstOrDefault(p => p.Jenis == info.Jenis) is not { } plugin)
            {
                logger.LogWarning("SOP {Kode}: no module performs action {Jenis} of automatic step {Step}", definition.Kode, info.Jenis, step.Id);
                continue;
            }
            await plugin.PerformAsync(new CampusKonseling.Workflows.StepActionContext(instance.Id, definition.Kode, step.Id, step.Label, active.ActivationId, active.DiaktifkanPada, info, instance.Konteks)
                { PelaksanaPeran = LaneRoles(definition, step) }, ct);
        }
    }

    /// <summary>Modules that keep work lists learn the instance's current steps; one failing observer does not stop the others.</summary>
    private async Task TellObserversAsync(SopDefinition definition, SopInstance instance, CancellationToken ct)
    {
        var state = new CampusKonseling.Workflows.SopInstanceState(instance.Id, definition.Kode, definition.Judul,
            instance.Status == InstanceStatus.Selesai, instance.Status == InstanceStatus.Dibatalkan,
            instance.Aktif.Select(a => definition.Find(a.StepId) is { } step
                ? new CampusKonseling.Workflows.SopStepState(a.StepId, step.Label, step.Uraian, StaffRoles(definition, step, instance), a.PenerimaTugas ?? Named(definition, step, instance), a.JatuhTempo, a.Terlambat)
                    { Klien = step.Pelaksana.Any(p => definition.Lane(p)!.Klien), Otomatis = SopEngine.BySystem(step, instance.Konteks) }
                : new CampusKonseling.Workflows.SopStepState(a.StepId, a.StepId, a.StepId, [], a.PenerimaTugas, a.JatuhTempo, a.Terlambat)).ToList());
        foreach (var observer in features.Contracts<CampusKonseling.Workflows.ISopObserver>())
        {
            try
            {
                await observer.OnChangedAsync(state, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "SOP {Kode}: observer {Observer} failed for instance {Instance}", definition.Kode, observer.GetType().Name, instance.Id);
            }
        }
    }

    /// <summary>
    /// Who hears of a step: the activation's assignee; else per lane, the client of the instance (only them, on their own page),
    /// the person named for the lane's assignment, or the lane's staff role. A client lane's role (Mahasiswa, Praja, Alumni)
    /// is held by every client, so it is never told by role: that would tell every student of another student's request.
    /// </summary>
    /// <param name="transaction">Written in the caller's transaction (a reminder's notices with its mark), else on their own.</param>
    private async Task NotifyActorsAsync(SopDefinition definition, Langkah step, SopInstance instance, Notification n, CancellationToken ct, DbTransaction? transaction = null)
    {
        var active = instance.Aktif.FirstOrDefault(a => a.StepId == step.Id);
        if (active?.PenerimaTugas is { } assignee)
        {
            await notifier.NotifyUsersAsync([assignee], n, ct, transaction);
            return;
        }
        var staff = (await directory.RolesWithPermissionAsync(StaffAreaPermission, ct)).Append(CampusKonseling.Security.StandardRoles.Administrator).ToHashSet(StringComparer.Ordinal);
        var users = new HashSet<string>();
        var roles = new HashSet<string>();
        foreach (var lane in step.Pelaksana.Select(p => definition.Lane(p)!))
        {
            if (lane.Klien)
            {
                if (instance.Konteks.TryGetValue(Definitions.Konteks.Klien, out var client) && users.Add(client))
                    await notifier.NotifyUsersAsync([client], n with
                    {
                        Judul = T.Keyed("Langkah Anda: {0}", step.Uraian), Isi = T.Keyed("Permohonan {0} menunggu Anda: {1}", instance.Subjek, step.Uraian), Tautan = "permohonan-saya",
                        // The client is not signed in to the staff area to see it: the notice also goes to their e-mail.
                        Surel = true,
                    }, ct, transaction);
                continue;
            }
            if (lane.Penugasan is { } nama && instance.Konteks.TryGetValue(Definitions.Konteks.Penugasan(nama), out var named))
            {
                if (users.Add(named)) await notifier.NotifyUsersAsync([named], n, ct, transaction);
                continue;
            }
            if (lane.Peran is { } role && staff.Contains(role) && roles.Add(role)) await notifier.NotifyRoleAsync(role, n, ct, transaction);
        }
    }

    /// <summary>The staff roles working a step now: client lanes and lanes whose person is named are not a role's work.</summary>
    private static List<string> StaffRoles(SopDefinition definition, Langkah step, SopInstance instance) =>
        step.Pelaksana.Select(p => definition.Lane(p)!)
            .Where(l => !l.Klien && !(l.Penugasan is { } nama && instance.Konteks.ContainsKey(Definitions.Konteks.Penugasan(nama))))
            .Select(l => l.Peran).OfType<string>().Distinct().ToList();

    private static string? Named(SopDefinition definition, Langkah step, SopInstance instance) =>
        step.Pelaksana.Select(p => definition.Lane(p)!.Penugasan).OfType<string>()
            .Select(nama => instance.Konteks.GetValueOrDefault(Definitions.Konteks.Penugasan(nama))).FirstOrDefault(id => id is not null);

    /// <summary>Where a step notice leads: the page of the instance's subject (a case, a programme, a request), else the instance page.</summary>
    public async Task<string> LinkAsync(SopInstance instance, CancellationToken ct) =>
        (await HalamanAsync(instance, ct))?.Tautan ?? $"admin/sop/instans/{instance.Id}";

    /// <summary>The page of the instance's subject, as the module owning it says; null when none claims it.</summary>
    public async Task<CampusKonseling.Workflows.HalamanKerja?> HalamanAsync(SopInstance instance, CancellationToken ct)
    {
        foreach (var source in features.Contracts<CampusKonseling.Workflows.ISopHalaman>())
            if (await source.HalamanAsync(instance.Id, instance.Konteks, ct) is { } page) return page;
        return null;
    }

    /// <summary>The Admin module's "open the staff area" permission: the roles that hold it are staff.</summary>
    private const string StaffAreaPermission = "AccessAdmin";

    /// <summary>A due time as a value of a notice: shown in the reader's campus time, "-" when the step has none.</summary>
    private static object Due(DateTimeOffset? at) => at is { } value ? value : "-";

    /// <summary>The engine's refusal in the reader's language, its times in the campus's time zone with its name (the engine knows only instants).</summary>
    private async Task<string> LocalizeAsync(EngineError error, CancellationToken ct)
    {
        var time = await campusClock.GetAsync(ct);
        return T[error.Template, error.Args.Select(a => a switch
        {
            DateTimeOffset at => time.Format(at),
            DateTime local => time.Format(time.FromLocal(local)),
            _ => a,
        }).ToArray()];
    }
}

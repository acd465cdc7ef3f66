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
public sealed class SopRuntime(
    SopDb db, ISopStore store, IInstanceLocks locks, TimeProvider clock, ISiteSettings settings,
    ISlaTimers timers, INotifier notifier, CampusKonseling.Users.IUserDirectory directory, CurrentShell current, CampusKonseling.Modules.ShellFeatureServices features,
    IStringLocalizer<S> T, ILogger<SopRuntime> logger)
{
    public async Task<SopEngine> EngineAsync(CancellationToken ct = default) =>
        new(store, locks, clock, new WorkingCalendar(await settings.GetAsync(ct)));

    /// <summary>Starts an instance on the definition's current version.</summary>
    public async Task<RuntimeResult> StartAsync(Guid definitionId, Actor by, string subjek, IReadOnlyDictionary<string, string>? konteks = null, CancellationToken ct = default)
    {
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct);
        if (definition is null) return new RuntimeResult(null, T["SOP tidak ditemukan."]);
        var versionId = await db.Versions.Where(v => v.DefinitionId == definitionId && v.Versi == definition.VersiAktif).Select(v => v.Id).FirstAsync(ct);
        var version = (await store.VersionAsync(versionId, ct))!;
        var result = await (await EngineAsync(ct)).StartAsync(version, by, string.IsNullOrWhiteSpace(subjek) ? version.Definition.Judul : subjek.Trim(), konteks, ct);
        await AfterAsync(version.Definition, result, ct);
        logger.LogInformation("SOP {Kode} v{Versi}: instance {Instance} started", version.Definition.Kode, version.Versi, result.Instance!.Id);
        return new RuntimeResult(result.Instance, null);
    }

    public async Task<RuntimeResult> CompleteAsync(Guid instanceId, CompleteStep command, Actor by, CancellationToken ct = default)
    {
        var result = await (await EngineAsync(ct)).CompleteAsync(instanceId, command, by, ct);
        if (!result.Succeeded) return new RuntimeResult(result.Instance, T[result.Error!.Template, result.Error.Args]);
        var version = (await store.VersionAsync(result.Instance!.VersionId, ct))!;
        await AfterAsync(version.Definition, result, ct);
        return new RuntimeResult(result.Instance, null);
    }

    /// <summary>A reminder or due time has come; acts once per activation however often it is called.</summary>
    public async Task OnTimerAsync(SlaKind kind, Guid instanceId, Guid activationId, CancellationToken ct)
    {
        var engine = await EngineAsync(ct);
        var result = kind == SlaKind.Pengingat
            ? await engine.RemindAsync(instanceId, activationId, ct)
            : await engine.EscalateAsync(instanceId, activationId, ct);
        if (!result.Succeeded) return;
        var instance = result.Instance!;
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        var entry = result.Events[0];
        var step = definition.Find(entry.StepId!)!;
        var link = $"admin/sop/instans/{instance.Id}";
        var zone = await ZoneAsync(ct);
        await TellObserversAsync(definition, instance, ct);
        if (kind == SlaKind.Pengingat)
        {
            var n = new Notification("sop-pengingat", T["Pengingat: langkah {0} {1}", step.Label, definition.Judul],
                T["Langkah \"{0}\" untuk {1} jatuh tempo pada {2}.", step.Uraian, instance.Subjek, Local(entry.JatuhTempo, zone)], link, Surel: true);
            await NotifyActorsAsync(definition, step, instance, n, ct);
        }
        else
        {
            var n = new Notification("sop-terlambat", T["Terlambat: langkah {0} {1}", step.Label, definition.Judul],
                T["Langkah \"{0}\" untuk {1} melewati waktu baku ({2}); jatuh tempo {3}.", step.Uraian, instance.Subjek, step.Waktu ?? "-", Local(entry.JatuhTempo, zone)], link, Surel: true);
            await NotifyActorsAsync(definition, step, instance, n, ct);
            var supervisors = step.Pelaksana.Select(p => definition.Lane(p)?.Atasan).Append(definition.EskalasiKe).OfType<string>().Distinct();
            foreach (var role in supervisors) await notifier.NotifyRoleAsync(role, n, ct);
        }
        logger.LogInformation("SOP {Kode}: {Kind} for step {Step} of instance {Instance}", definition.Kode, kind, step.Id, instance.Id);
    }

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
        var zone = await ZoneAsync(ct);
        foreach (var closed in result.Closed) await timers.CancelAsync(closed.ActivationId, ct);
        foreach (var active in result.Activated)
        {
            await timers.ScheduleAsync(current.Shell.Name, instance.Id, active, ct);
            var step = definition.Find(active.StepId)!;
            var due = active.JatuhTempo is null ? "" : " " + T["Jatuh tempo {0}.", Local(active.JatuhTempo, zone)];
            await NotifyActorsAsync(definition, step, instance, new Notification("sop-tugas",
                T["Tugas baru: langkah {0} {1}", step.Label, definition.Judul], $"{step.Uraian} — {instance.Subjek}.{due}", $"admin/sop/instans/{instance.Id}"), ct);
        }
    }

    /// <summary>Modules that keep work lists learn the instance's current steps; one failing observer does not stop the others.</summary>
    private async Task TellObserversAsync(SopDefinition definition, SopInstance instance, CancellationToken ct)
    {
        var state = new CampusKonseling.Workflows.SopInstanceState(instance.Id, definition.Kode, definition.Judul,
            instance.Status == InstanceStatus.Selesai, instance.Status == InstanceStatus.Dibatalkan,
            instance.Aktif.Select(a => definition.Find(a.StepId) is { } step
                ? new CampusKonseling.Workflows.SopStepState(a.StepId, step.Label, step.Uraian, step.Pelaksana.Select(p => definition.Lane(p)!.Peran).Distinct().ToList(), a.PenerimaTugas, a.JatuhTempo, a.Terlambat)
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

    private async Task NotifyActorsAsync(SopDefinition definition, Langkah step, SopInstance instance, Notification n, CancellationToken ct)
    {
        var active = instance.Aktif.FirstOrDefault(a => a.StepId == step.Id);
        if (active?.PenerimaTugas is { } assignee)
        {
            await notifier.NotifyUsersAsync([assignee], n, ct);
            return;
        }
        // Only staff roles hear of a step by role. A client lane's role (Mahasiswa, Praja, Alumni) is held by every
        // client: telling the role would tell every student of another student's request.
        var staff = (await directory.RolesWithPermissionAsync(StaffAreaPermission, ct)).Append(CampusKonseling.Security.StandardRoles.Administrator).ToHashSet(StringComparer.Ordinal);
        foreach (var role in step.Pelaksana.Select(p => definition.Lane(p)!.Peran).Distinct().Where(staff.Contains))
            await notifier.NotifyRoleAsync(role, n, ct);
    }

    /// <summary>The Admin module's "open the staff area" permission: the roles that hold it are staff.</summary>
    private const string StaffAreaPermission = "AccessAdmin";

    private static string Local(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is null ? "-" : TimeZoneInfo.ConvertTime(at.Value, zone).ToString("dd/MM/yyyy HH:mm");

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById((await settings.GetAsync(ct)).TimeZone);
}

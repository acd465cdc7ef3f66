using System.Data.Common;
using CampusKonseling.Notifications;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Sop.Runtime;

/// <summary>What a reminder or due time found.</summary>
public enum TimerOutcome
{
    /// <summary>Acted, or had nothing left to do (already reminded, the step done).</summary>
    Done,
    /// <summary>Its activation is not in the campus: the transition that set it has not committed yet, or never will.</summary>
    Unknown,
    /// <summary>
    /// Its time has not come by the step's committed due times (a trigger left from a move that did not commit, or an
    /// earlier retry): it fires again at <see cref="TimerResult.At"/>.
    /// </summary>
    NotYet,
}

public readonly record struct TimerResult(TimerOutcome Outcome, DateTimeOffset? At = null);

public sealed partial class SopRuntime
{
    /// <summary>How much earlier than its time a timer may act (nodes' clocks differ a little).</summary>
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A reminder or due time has come; acts once per activation however often it is called. The mark and its notices
    /// (in-app and e-mail, through the outbox) are one transaction: a process dying halfway leaves neither.
    /// </summary>
    /// <summary>
    /// Whether a firing trigger is early or has nothing to do by the step's committed times (a trigger may be left from a
    /// move that did not commit, or be a retry): NotYet with the time, or Done; null when the time has come.
    /// </summary>
    public async Task<TimerResult?> EarlyAsync(SlaKind kind, Guid instanceId, Guid activationId, CancellationToken ct)
    {
        if (await store.InstanceAsync(instanceId, ct) is not { } due || due.Aktif.FirstOrDefault(a => a.ActivationId == activationId) is not { } reached) return null;
        var at = kind == SlaKind.Pengingat ? reached.PengingatPada : reached.JatuhTempo;
        if (at is null) return new(TimerOutcome.Done);
        return at > clock.GetUtcNow() + Early ? new(TimerOutcome.NotYet, at) : null;
    }

    public async Task<TimerResult> OnTimerAsync(SlaKind kind, Guid instanceId, Guid activationId, CancellationToken ct)
    {
        if (kind != SlaKind.Pengingat && await store.InstanceAsync(instanceId, ct) is { } due
            && due.Aktif.FirstOrDefault(a => a.ActivationId == activationId) is { } reached
            && (await store.VersionAsync(due.VersionId, ct))!.Definition.Find(reached.StepId) is { Otomatis: Pemicu.Waktu } timed)
        {
            // A step done by its time (the day a programme is held) is done when the time comes, not overdue.
            await CompleteAsync(instanceId, new CompleteStep(timed.Id, Catatan: "Selesai otomatis pada waktunya"), Actor.System, ct);
            return new(TimerOutcome.Done);
        }
        var engine = await EngineAsync(ct, (marked, token) => TimerNoticesAsync(kind, marked, token));
        var result = kind == SlaKind.Pengingat
            ? await engine.RemindAsync(instanceId, activationId, ct)
            : await engine.EscalateAsync(instanceId, activationId, ct);
        if (!result.Succeeded)
            return new(await db.Activations.AnyAsync(a => a.ActivationId == activationId, ct) ? TimerOutcome.Done : TimerOutcome.Unknown);
        outbox.Wake();
        var instance = result.Instance!;
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        if (kind != SlaKind.Pengingat) metrics.Overdue(current.Shell.Name, definition.Kode);
        await TellObserversAsync(definition, instance, ct);
        logger.LogInformation("SOP {Kode}: {Kind} for step {Step} of instance {Instance}", definition.Kode, kind, result.Events[0].StepId, instance.Id);
        return new(TimerOutcome.Done);
    }

    /// <summary>The notices of a reminder or an escalation, in the transaction that marks it.</summary>
    private async Task TimerNoticesAsync(SlaKind kind, EngineResult result, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A reminder's notices are written in the transaction that marks it.");
        var instance = result.Instance!;
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        var entry = result.Events[0];
        var step = definition.Find(entry.StepId!)!;
        var link = await LinkAsync(instance, ct);
        if (kind == SlaKind.Pengingat)
        {
            var n = new Notification("sop-pengingat", T.Keyed("Pengingat: langkah {0} {1}", step.Label, definition.Judul),
                T.Keyed("Langkah \"{0}\" untuk {1} jatuh tempo pada {2}.", step.Uraian, instance.Subjek, Due(entry.JatuhTempo)), link, Surel: true);
            await NotifyActorsAsync(definition, step, instance, n, ct, transaction);
            return;
        }
        var late = new Notification("sop-terlambat", T.Keyed("Terlambat: langkah {0} {1}", step.Label, definition.Judul),
            T.Keyed("Langkah \"{0}\" untuk {1} melewati waktu baku ({2}); jatuh tempo {3}.", step.Uraian, instance.Subjek, step.Waktu ?? "-", Due(entry.JatuhTempo)), link, Surel: true);
        await NotifyActorsAsync(definition, step, instance, late, ct, transaction);
        var supervisors = step.Pelaksana.Select(p => definition.Lane(p)?.Atasan).Append(definition.EskalasiKe).OfType<string>().Distinct();
        foreach (var role in supervisors) await notifier.NotifyRoleAsync(role, late, ct, transaction);
    }
}

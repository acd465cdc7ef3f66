using CampusKonseling.Modules;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// Tells the SOP that a step's messages are delivered, once every message of the activation is: the system then completes
/// the step, so the step's completion is the delivery. One failing step does not stop the others.
/// </summary>
public sealed class StepMessageSignals(NotificationsDb db, ShellFeatureServices features, ILogger<StepMessageSignals> logger)
{
    public async Task DeliveredAsync(IEnumerable<OutboxMessage> delivered, CancellationToken ct)
    {
        var activations = delivered.Where(m => m.Status == OutboxStatus.Terkirim && m.SopActivationId is not null && m.SopInstanceId is not null && m.SopStepId is not null)
            .Select(m => (Activation: m.SopActivationId!.Value, Instance: m.SopInstanceId!.Value, Step: m.SopStepId!)).Distinct().ToList();
        if (activations.Count == 0 || features.Contract<ISopSteps>() is not { } steps) return;
        foreach (var (activation, instance, step) in activations)
        {
            try
            {
                if (await db.Outbox.AnyAsync(m => m.SopActivationId == activation && m.Status != OutboxStatus.Terkirim, ct)) continue;
                if (!await steps.SignalAsync(instance, step, ct))
                    logger.LogInformation("SOP instance {Instance}: step {Step} was not completed on its message's delivery (no longer active)", instance, step);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "SOP instance {Instance}: completing step {Step} on its message's delivery failed", instance, step);
            }
        }
    }
}

using CampusKonseling.Forms.Data;
using CampusKonseling.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Forms.Intake;

/// <summary>
/// Deletes files uploaded with a form that was never sent (the person gave up after a validation
/// error): nothing personal is kept without a request and its consent. A day's grace lets someone
/// who left the form open overnight still send it with their attachment.
/// </summary>
public sealed class PendingUploadCleanup(FormsDb db, TimeProvider clock, ILogger<PendingUploadCleanup> logger) : IBackgroundTask
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Grace;
        var deleted = await db.Files.Where(f => f.SubmissionId == null && f.DiunggahPada < before).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} uploads of forms never sent", deleted);
    }
}

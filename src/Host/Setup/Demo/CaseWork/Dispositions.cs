using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Host.Setup.Demo.Texts;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>A leader's disposition on the step that carries it, and the receiver's report back (IPDN's chain to the Rektor and back).</summary>
public static class Dispositions
{
    public static Task GiveAsync(Stage stage, Guid caseId, string stepId, Member leader, DateTimeOffset at, Random rng, CancellationToken ct) =>
        stage.RunAsync(at, leader.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var due = DateOnly.FromDateTime(stage.Campus.Local(at)).AddDays(rng.Next(2, 6));
            var errors = await sp.GetRequiredService<CampusKonseling.Cases.Work.Dispositions>()
                .GiveAsync(leader.Principal, c, stepId, new DispositionInput(rng.Pick(Notes.Disposisi), due), ct);
            if (errors.Count > 0) throw new InvalidOperationException("Demo disposition: " + string.Join("; ", errors.Values));
        }, ct);

    public static Task ReportAsync(Stage stage, Guid caseId, Member receiver, DateTimeOffset at, Random rng, CancellationToken ct) =>
        stage.RunAsync(at, receiver.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var dispositions = sp.GetRequiredService<CampusKonseling.Cases.Work.Dispositions>();
            var work = await dispositions.WorkAsync(receiver.Principal, c, ct);
            foreach (var id in work.MayReport)
                if (await dispositions.ReportAsync(receiver.Principal, c, id, rng.Pick(Notes.LaporanDisposisi), ct) is { } refusal)
                    throw new InvalidOperationException("Demo disposition report: " + refusal);
        }, ct);
}

using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>Who works the case: its counselor (whose caseload it joins) and other people an SOP step names (the accompanying staff member).</summary>
public static class Assignment
{
    /// <summary>The case is given to <paramref name="counselor"/>, as the Tugaskan form or a <c>tunjuk konselor</c> step does.</summary>
    public static Task AssignAsync(Stage stage, Guid caseId, Member by, Member counselor, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, by.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            if (c.KonselorId == counselor.Id) return;
            await sp.GetRequiredService<CaseTimeline>().AssignAsync(by.Principal, c, new UserRef(counselor.Id, counselor.Nama, counselor.Email), ct);
        }, ct);

    /// <summary>A person named for another assignment of the SOP (<c>pendamping</c>): the instance learns it, the timeline records it.</summary>
    public static Task NameAsync(Stage stage, Guid caseId, Guid instanceId, string penugasan, Member by, Member person, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, by.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            await sp.GetRequiredService<ISopSteps>().UpdateAsync(instanceId, new Dictionary<string, string?>
            {
                [CaseTimeline.Penugasan(penugasan)] = person.Id, [CaseTimeline.Penugasan(penugasan) + ".nama"] = person.Nama,
            }, ct);
            await sp.GetRequiredService<CaseTimeline>().NameAsync(by.Principal, c, penugasan, new UserRef(person.Id, person.Nama, person.Email), null, ct);
        }, ct);
}

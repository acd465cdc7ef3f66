using CampusKonseling.Sop.Definitions;
using CampusKonseling.Workflows;

namespace CampusKonseling.Sop.Runtime;

/// <summary>"tunjuk": done once the instance names a person for the assignment (the case's counselor, the accompanying staff member).</summary>
public sealed class TunjukAction : IStepAction
{
    public string Jenis => AksiJenis.Tunjuk;

    public Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        Task.FromResult(context.Aksi.Penugasan is { } nama && context.Konteks.ContainsKey(Konteks.Penugasan(nama))
            ? context.Konteks.GetValueOrDefault(Konteks.PenugasanNama(nama)) ?? context.Konteks[Konteks.Penugasan(nama)]
            : null);
}

namespace CampusKonseling.Workflows;

/// <summary>One action of a step as modules see it (a step's <c>aksi</c> in the recipe).</summary>
/// <param name="Index">Its position in the step's list: evidence is keyed by it.</param>
/// <param name="Label">How it is named to people ("surat REK", "disposisi kepada Rektor").</param>
/// <param name="KepadaLajur">disposisi: the receiving lane's name as the SOP writes it ("Rektor").</param>
/// <param name="KepadaPeran">disposisi: the role of the campus holding that lane.</param>
/// <param name="PenugasanPeran">tunjuk: the role the person is chosen from.</param>
/// <param name="Bukti">What on the case shows it done (letter number, disposition), null while not done.</param>
public sealed record SopAksi(int Index, string Jenis, string Label, string? Templat, string? Dokumen, string? KepadaLajur, string? KepadaPeran,
    string? Penugasan, string? PenugasanPeran, bool Opsional, string? Bukti = null);

/// <summary>Where an action is looked for: the instance (and so the case or programme it runs) and the step's activation.</summary>
public sealed record StepActionContext(Guid InstanceId, string SopKode, string StepId, string StepLabel, Guid ActivationId, DateTimeOffset DiaktifkanPada,
    SopAksi Aksi, IReadOnlyDictionary<string, string> Konteks)
{
    /// <summary>The roles of the step's own lanes (the giver of a disposition); empty for client lanes.</summary>
    public IReadOnlyList<string> PelaksanaPeran { get; init; } = [];
}

/// <summary>
/// A kind of step action, contributed by the module that does the work (as OrchardCore Workflows registers activities):
/// it tells whether the work was done on the instance's subject since the step became active, and what it produced.
/// </summary>
public interface IStepAction
{
    string Jenis { get; }

    /// <summary>What shows the work done since the step's activation ("surat 012/REK/P2KLLK/2026"); null when not done yet.</summary>
    Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default);
}

/// <summary>An action the system itself performs when its step becomes active (a message to the client).</summary>
public interface IAutomaticStepAction : IStepAction
{
    Task PerformAsync(StepActionContext context, CancellationToken ct = default);
}

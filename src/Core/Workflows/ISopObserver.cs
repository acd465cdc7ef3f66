namespace CampusKonseling.Workflows;

/// <summary>An active step as other modules may show it: who performs it, who it is assigned to, when it is due.</summary>
/// <param name="Peran">Staff roles working it (not a client lane's, not a lane whose person is named).</param>
/// <param name="PenerimaTugas">The person it is assigned to or named for, if any.</param>
public sealed record SopStepState(string StepId, string Label, string Uraian, IReadOnlyList<string> Peran, string? PenerimaTugas, DateTimeOffset? JatuhTempo, bool Terlambat)
{
    /// <summary>The client does it on their own page.</summary>
    public bool Klien { get; init; }
    /// <summary>The system does it.</summary>
    public bool Otomatis { get; init; }
}

/// <summary>Where an SOP instance stands after a change.</summary>
public sealed record SopInstanceState(Guid InstanceId, string SopKode, string SopJudul, bool Selesai, bool Dibatalkan, IReadOnlyList<SopStepState> Aktif);

/// <summary>
/// Told after every committed change of an SOP instance (start, step completed, reminder, overdue),
/// so modules that show work lists (cases) keep their own copy of the current step.
/// </summary>
public interface ISopObserver
{
    Task OnChangedAsync(SopInstanceState state, CancellationToken ct = default);
}

namespace CampusKonseling.Workflows;

/// <summary>
/// A period to measure, [<see cref="Dari"/>, <see cref="Sampai"/>): a step activation counts when it was
/// completed in the period, or when it is still open at <see cref="Sampai"/> and was activated before it.
/// </summary>
public sealed record ComplianceQuery(DateTimeOffset Dari, DateTimeOffset Sampai, string? SopKode = null);

/// <summary>
/// One SOP step's time standard (its Mutu Baku row) beside what happened in a period. Durations are
/// elapsed time from activation to completion; "within standard" compares the completion with the due
/// time the engine computed when the step was activated (so working hours and calendars count as the SOP says).
/// </summary>
/// <param name="Waktu">The standard as the SOP writes it ("1 hari", "3 x 24 jam"); null when the step has none.</param>
/// <param name="Luaran">The step's output (the Mutu Baku table's "Luaran"); null when the SOP names none.</param>
/// <param name="Selesai">Activations completed in the period.</param>
/// <param name="Berbaku">Of those, how many had a due time (the base of <see cref="PersenDalamBaku"/>).</param>
/// <param name="DalamBaku">Completed at or before their due time.</param>
/// <param name="Terlambat">Completed after their due time, plus those still open past it at the period's end (or now, while the period runs).</param>
/// <param name="Terbuka">Still open at the period's end.</param>
public sealed record StepCompliance(
    string SopKode, string SopJudul, string StepId, string No, string Uraian, string? Waktu, string? Luaran,
    int Selesai, int Berbaku, int DalamBaku, int Terlambat, int Terbuka, TimeSpan? Median, TimeSpan? P90)
{
    /// <summary>What does the step when the system does (formulir, pesan, waktu); null: a person. A "pesan" step completes when its message is delivered, so its durations run to the delivery.</summary>
    public string? Otomatis { get; init; }
    /// <summary>The client does it (a client lane).</summary>
    public bool Klien { get; init; }
    /// <summary>The step's actions, short ("✉ pesan tanggapan", "✎ surat REK", "➜ disposisi Rektor").</summary>
    public IReadOnlyList<string> Aksi { get; init; } = [];

    /// <summary>Share completed within standard, 0–100; null when no completed activation had a due time.</summary>
    public double? PersenDalamBaku => Berbaku == 0 ? null : Math.Round(100.0 * DalamBaku / Berbaku, 1);
}

/// <summary>Which activations behind a compliance figure to list.</summary>
public enum ComplianceSelection { Semua, DalamBaku, Terlambat, Terbuka }

/// <summary>One activation of a step, for drilling from a figure to the cases or programs behind it.</summary>
/// <param name="Subjek">The instance's subject, as the module that started it named it (a case, a program).</param>
public sealed record ComplianceActivation(Guid InstanceId, string Subjek, DateTimeOffset DiaktifkanPada, DateTimeOffset? SelesaiPada, DateTimeOffset? JatuhTempo, bool Terlambat);

/// <summary>Baku-mutu compliance: every SOP step's time standard measured against its actual history.</summary>
public interface ISopCompliance
{
    /// <summary>One row per step of the campus's SOPs (current versions' steps, in SOP order), worst share within standard first.</summary>
    Task<IReadOnlyList<StepCompliance>> StepsAsync(ComplianceQuery query, CancellationToken ct = default);

    /// <summary>The activations behind one row's figure, most recent first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ComplianceActivation>> ActivationsAsync(ComplianceQuery query, string sopKode, string stepId, ComplianceSelection pilihan, int limit = 200, CancellationToken ct = default);
}

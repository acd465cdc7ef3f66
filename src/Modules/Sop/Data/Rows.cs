using CampusKonseling.Sop.Engine;

namespace CampusKonseling.Sop.Data;

public sealed class DefinitionRow
{
    public Guid Id { get; set; }
    public required string Kode { get; set; }
    public required string Judul { get; set; }
    public int VersiAktif { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
}

/// <summary>An immutable version of a definition: the whole SOP as JSON, and who made it when.</summary>
public sealed class VersionRow
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public int Versi { get; set; }
    public required string Json { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
    public string? CatatanPerubahan { get; set; }
}

public sealed class InstanceRow
{
    public Guid Id { get; set; }
    public Guid VersionId { get; set; }
    public Guid DefinitionId { get; set; }
    public required string Kode { get; set; }
    public int Versi { get; set; }
    public required string Subjek { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTimeOffset DimulaiPada { get; set; }
    public DateTimeOffset? SelesaiPada { get; set; }
    public string? DimulaiOleh { get; set; }
    public string Konteks { get; set; } = "{}";
    /// <summary>Labels of the active steps, for lists that must not read the history.</summary>
    public string LangkahAktif { get; set; } = "";
    /// <summary>Earliest due time among the active steps.</summary>
    public DateTimeOffset? JatuhTempo { get; set; }
    public bool Terlambat { get; set; }
}

public sealed class ActiveStepRow
{
    public Guid ActivationId { get; set; }
    public Guid InstanceId { get; set; }
    public required string StepId { get; set; }
    public DateTimeOffset DiaktifkanPada { get; set; }
    public DateTimeOffset? JatuhTempo { get; set; }
    public DateTimeOffset? PengingatPada { get; set; }
    public string? PenerimaTugas { get; set; }
    public bool Diingatkan { get; set; }
    public bool Terlambat { get; set; }
}

public sealed class EventRow
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long Seq { get; set; }
    public StepEventKind Jenis { get; set; }
    public string? StepId { get; set; }
    public Guid? ActivationId { get; set; }
    public DateTimeOffset Pada { get; set; }
    public string? OlehId { get; set; }
    public string? OlehNama { get; set; }
    public string? Pilihan { get; set; }
    public string Masukan { get; set; } = "{}";
    public string Keluaran { get; set; } = "{}";
    public string? Catatan { get; set; }
    public DateTimeOffset? JatuhTempo { get; set; }
}

/// <summary>
/// One activation of a step from start to end, kept beside the history (the same transaction) so baku-mutu
/// reports read ranges of one table instead of pairing events. <see cref="Akhir"/>: "Diselesaikan", "Dilewati",
/// or "Ditutup" when an end step closed the instance with the step still open; null while open.
/// </summary>
public sealed class ActivationRow
{
    public Guid ActivationId { get; set; }
    public Guid InstanceId { get; set; }
    public required string Kode { get; set; }
    public required string StepId { get; set; }
    public DateTimeOffset DiaktifkanPada { get; set; }
    public DateTimeOffset? JatuhTempo { get; set; }
    public DateTimeOffset? BerakhirPada { get; set; }
    public string? Akhir { get; set; }
}

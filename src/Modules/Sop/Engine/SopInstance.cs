namespace CampusKonseling.Sop.Engine;

public enum InstanceStatus { Berjalan, Selesai, Dibatalkan }

/// <summary>Kinds of history entries. KonteksDiubah: facts of the instance changed (assignment, a date, urgency); Dijadwalkan: a due time moved with them.</summary>
public enum StepEventKind { Dimulai, Diaktifkan, Diselesaikan, Dilewati, Diingatkan, Terlambat, InstansSelesai, KonteksDiubah, Dijadwalkan }

/// <summary>A running SOP: which version, which steps are active now, and the append-only history.</summary>
public sealed class SopInstance
{
    public required Guid Id { get; init; }
    public required Guid VersionId { get; init; }
    public required string Kode { get; init; }
    public required int Versi { get; init; }
    public required string Subjek { get; init; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Berjalan;
    public required DateTimeOffset DimulaiPada { get; init; }
    public DateTimeOffset? SelesaiPada { get; set; }
    public string? DimulaiOleh { get; init; }
    public Dictionary<string, string> Konteks { get; init; } = [];
    public List<ActiveStep> Aktif { get; init; } = [];
    public List<StepEvent> Riwayat { get; init; } = [];

    public long NextSeq => Riwayat.Count == 0 ? 1 : Riwayat[^1].Seq + 1;
}

/// <summary>One activation of a step. A step activated again (a loop back) gets a new activation.</summary>
public sealed class ActiveStep
{
    public required Guid ActivationId { get; init; }
    public required string StepId { get; init; }
    public required DateTimeOffset DiaktifkanPada { get; init; }
    public DateTimeOffset? JatuhTempo { get; set; }
    public DateTimeOffset? PengingatPada { get; set; }
    public string? PenerimaTugas { get; set; }
    public bool Diingatkan { get; set; }
    public bool Terlambat { get; set; }
}

/// <summary>An entry of the step history; never changed once written.</summary>
public sealed record StepEvent
{
    public required long Seq { get; init; }
    public required StepEventKind Jenis { get; init; }
    public string? StepId { get; init; }
    public Guid? ActivationId { get; init; }
    public required DateTimeOffset Pada { get; init; }
    public string? OlehId { get; init; }
    public string? OlehNama { get; init; }
    public string? Pilihan { get; init; }
    public IReadOnlyDictionary<string, string> Masukan { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Keluaran { get; init; } = new Dictionary<string, string>();
    public string? Catatan { get; init; }
    public DateTimeOffset? JatuhTempo { get; init; }
}

/// <summary>Who acts: a user of the campus with their roles.</summary>
public sealed record Actor(string Id, string Nama, IReadOnlySet<string> Peran)
{
    public static Actor System { get; } = new("system", "Sistem", new HashSet<string>());
}

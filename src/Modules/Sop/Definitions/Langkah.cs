namespace CampusKonseling.Sop.Definitions;

public enum JenisLangkah { Mulai, Tugas, Keputusan, Selesai }

/// <summary>One row of the SOP table.</summary>
public sealed record Langkah
{
    public required string Id { get; init; }
    /// <summary>The number as the document prints it ("3", "3a").</summary>
    public string? No { get; init; }
    public JenisLangkah Jenis { get; init; } = JenisLangkah.Tugas;
    public required string Uraian { get; init; }
    /// <summary>Lane ids; several means the actors do the step together (any of them records it).</summary>
    public required IReadOnlyList<string> Pelaksana { get; init; }
    public IReadOnlyList<string> Kelengkapan { get; init; } = [];
    public string? Waktu { get; init; }
    /// <summary>Id of an earlier step whose completion the time standard counts from; else the step's activation.</summary>
    public string? DihitungDari { get; init; }
    public string? Output { get; init; }
    public string? Ket { get; init; }
    /// <summary>Next step(s) when completed (not for decisions, which use <see cref="Pilihan"/>).</summary>
    public IReadOnlyList<string> Lanjut { get; init; } = [];
    /// <summary>Named outcomes of a decision, each leading to a step (possibly an earlier one: a loop back).</summary>
    public IReadOnlyList<Pilihan> Pilihan { get; init; } = [];
    /// <summary>May be skipped; skipping goes on as completing would.</summary>
    public bool Opsional { get; init; }

    public string Label => No ?? Id;
}

public sealed record Pilihan(string Nama, string Lanjut);

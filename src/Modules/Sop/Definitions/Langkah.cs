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
    /// <summary>The work completing the step does or requires (a letter, a disposition, a meeting, a message…).</summary>
    public IReadOnlyList<Aksi> Aksi { get; init; } = [];
    /// <summary>Done by the system, recorded as "Sistem", when its trigger happens; null: a person completes it.</summary>
    public Pemicu? Otomatis { get; init; }
    /// <summary>Entry channels (formulir, datang, telepon, api, jadwal, rujukan…) whose instances start at this step.</summary>
    public IReadOnlyList<string> Masuk { get; init; } = [];
    /// <summary>
    /// A date of the instance the time standard counts from or to (pelaksanaan, janji, pendaftaran…), kept in the
    /// instance's context as <c>tanggal.{acuan}</c> by the module that knows it (a programme's dates, the agreed appointment).
    /// "1 hari sebelum pelaksanaan" is due a day before it; "sesuai jadwal yang disepakati" at it.
    /// </summary>
    public string? Acuan { get; init; }
    /// <summary>A date of the instance (as <see cref="Acuan"/>) before which the step cannot be completed: a programme's evaluation not before it is held.</summary>
    public string? TidakSebelum { get; init; }

    public string Label => No ?? Id;
}

/// <summary>
/// A named outcome of a decision. <see cref="Jika"/> lets the system take it from the instance's context
/// ("saluran = online", "darurat = ya"); when no condition holds, a person chooses.
/// </summary>
public sealed record Pilihan(string Nama, string Lanjut)
{
    public string? Jika { get; init; }
}

/// <summary>What completes an automatic step: the intake form's submission, the delivery of its message, or its due time.</summary>
public enum Pemicu { Formulir, Pesan, Waktu }

namespace CampusKonseling.Archive;

/// <summary>
/// What a closed case (or a filed letter) leaves in the searchable archive: its metadata for facets, the
/// text every staff reader may search (<see cref="TeksUmum"/>: administrative and leadership tiers, letter
/// numbers, dispositions), and the counseling text (<see cref="TeksKonseling"/>), which is never stored
/// readable: only keyed hashes of its words are indexed, and its snippets are made from the decrypted text
/// for readers who may see it.
/// </summary>
public sealed record ArchiveEntry(
    string Jenis, string SubjekId, string Judul, string? Nomor, string? SopKode, string? SopJudul, string? JenisKlien, string? Bidang,
    string? Saluran, string? KonselorId, string? KonselorNama, string? Nama, string? Nim, DateTimeOffset Dibuka, DateTimeOffset? Ditutup,
    string? Hasil, string TeksUmum, string? TeksKonseling, string? Unit = null)
{
    /// <summary>A short line shown under the record in results ("workshop · 40 terdaftar, 35 hadir · laporan 003/LMB/…").</summary>
    public string? Keterangan { get; init; }
}

/// <summary>The campus's searchable archive (feature Archive); reached through ShellFeatureServices.Contract.</summary>
public interface IArchive
{
    /// <summary>Adds or replaces the archive record of a subject.</summary>
    Task FileAsync(ArchiveEntry entry, CancellationToken ct = default);
}

/// <summary>
/// A module that owns archived subjects of one kind (cases) and destroys them when their retention has
/// passed and an administrator confirmed it: the subject, its notes, files and letters.
/// </summary>
public interface IArchiveSubjectOwner
{
    string Jenis { get; }

    Task DestroyAsync(string subjekId, CancellationToken ct = default);
}

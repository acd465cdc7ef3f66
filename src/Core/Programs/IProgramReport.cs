namespace CampusKonseling.Programs;

/// <summary>
/// A program's figures for leaders' reports: registrations, attendance, evaluation and referrals to career
/// counseling. Counts only: no participant is named here.
/// </summary>
/// <param name="Jenis">workshop, sosialisasi, pelatihan, …</param>
/// <param name="Status">rencana, pendaftaran, berjalan, selesai, dibatalkan</param>
/// <param name="NilaiRataRata">Mean overall rating of the evaluation form (1–5); null without evaluations.</param>
/// <param name="Tautan">The program's staff page, for drilling down.</param>
public sealed record ProgramFigures(
    Guid Id, string Judul, string Jenis, string? SopKode, DateTimeOffset? Mulai, string Status,
    int? Kapasitas, int Terdaftar, int DaftarTunggu, int Hadir, int Evaluasi, double? NilaiRataRata, int DirujukKonseling, string Tautan);

/// <summary>Programs (workshops, socialisations, trainings) as the reports module shows them.</summary>
public interface IProgramReport
{
    /// <summary>Programs whose start falls in [<paramref name="dari"/>, <paramref name="sampai"/>), earliest first.</summary>
    Task<IReadOnlyList<ProgramFigures>> ProgramsAsync(DateTimeOffset dari, DateTimeOffset sampai, CancellationToken ct = default);
}

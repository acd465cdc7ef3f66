namespace CampusKonseling.Users;

/// <summary>A student as the campus's academic system (SIAKAD) knows them.</summary>
public sealed record StudentRecord(string Nim, string Nama, string? Prodi, int? Semester, string Status, string? Email, string? Telepon, DateTimeOffset DiperbaruiPada);

public static class StudentStatus
{
    public const string Aktif = "aktif", Cuti = "cuti", Lulus = "lulus", Keluar = "keluar";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Aktif, Cuti, Lulus, Keluar };
}

/// <summary>The campus's student directory (filled by CSV import and by the SIS), for "check the student's status" steps.</summary>
public interface IStudentDirectory
{
    Task<StudentRecord?> FindAsync(string nim, CancellationToken ct = default);
}

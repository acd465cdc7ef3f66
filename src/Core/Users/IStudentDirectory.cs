namespace CampusKonseling.Users;

/// <summary>A student as the campus's academic system (SIAKAD) knows them.</summary>
public sealed record StudentRecord(string Nim, string Nama, string? Prodi, int? Semester, string Status, string? Email, string? Telepon, DateTimeOffset DiperbaruiPada);

public static class StudentStatus
{
    public const string Aktif = "aktif", Cuti = "cuti", Lulus = "lulus", Keluar = "keluar";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Aktif, Cuti, Lulus, Keluar };
}

/// <summary>One page of students, ordered by name then NIM.</summary>
public sealed record StudentPage(IReadOnlyList<StudentRecord> Items, int Page, int PageSize, int Total);

/// <summary>
/// Which students a program addresses: any of the study programs (all when empty), any of the semesters
/// (all when empty), and one status (all when null). Prodi match case-insensitively.
/// </summary>
public sealed record StudentFilter(IReadOnlyCollection<string>? Prodi = null, IReadOnlyCollection<int>? Semester = null, string? Status = null);

/// <summary>The campus's student directory (filled by CSV import and by the SIS), for "check the student's status" steps.</summary>
public interface IStudentDirectory
{
    Task<StudentRecord?> FindAsync(string nim, CancellationToken ct = default);

    /// <summary>
    /// Students whose NIM starts with <paramref name="q"/> or whose name contains it (any case); all when it is empty.
    /// For staff pickers. <paramref name="page"/> counts from 1; <paramref name="pageSize"/> is at most 100.
    /// </summary>
    Task<StudentPage> SearchAsync(string? q, int page = 1, int pageSize = 20, CancellationToken ct = default);

    /// <summary>
    /// Students matching <paramref name="filter"/> (a program's target audience), ordered by name then NIM; the
    /// total is the count preview. <paramref name="page"/> counts from 1; <paramref name="pageSize"/> is at most 500.
    /// </summary>
    Task<StudentPage> ListAsync(StudentFilter filter, int page = 1, int pageSize = 100, CancellationToken ct = default);

    /// <summary>The study programs the directory knows (distinct, sorted), for audience pickers.</summary>
    Task<IReadOnlyList<string>> ProdiAsync(CancellationToken ct = default);
}

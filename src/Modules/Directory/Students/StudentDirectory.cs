using CampusKonseling.Direktori.Data;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Direktori.Students;

/// <summary>The campus's students for other modules (the SOP's "check the student's status" step, staff pickers).</summary>
public sealed class StudentDirectory(DirectoryDb db) : IStudentDirectory
{
    public async Task<StudentRecord?> FindAsync(string nim, CancellationToken ct = default)
    {
        if (StudentRules.NormalizeNim(nim) is not { } key) return null;
        var s = await db.Students.AsNoTracking().FirstOrDefaultAsync(x => x.Nim == key, ct);
        return s is null ? null : ToRecord(s);
    }

    public async Task<StudentPage> SearchAsync(string? q, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = Filter(db.Students.AsNoTracking(), q);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.Nama).ThenBy(s => s.Nim).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new StudentPage(items.Select(ToRecord).ToList(), page, pageSize, total);
    }

    public async Task<StudentPage> ListAsync(StudentFilter filter, int page = 1, int pageSize = 100, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = db.Students.AsNoTracking();
        var prodi = (filter.Prodi ?? []).Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().ToList();
        if (prodi.Count > 0) query = query.Where(s => s.Prodi != null && prodi.Contains(s.Prodi.ToLower()));
        var semester = (filter.Semester ?? []).Distinct().ToList();
        if (semester.Count > 0) query = query.Where(s => s.Semester != null && semester.Contains(s.Semester.Value));
        if (filter.Status is { Length: > 0 } status) query = query.Where(s => s.Status == status);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.Nama).ThenBy(s => s.Nim).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new StudentPage(items.Select(ToRecord).ToList(), page, pageSize, total);
    }

    public async Task<IReadOnlyList<string>> ProdiAsync(CancellationToken ct = default) =>
        await db.Students.AsNoTracking().Where(s => s.Prodi != null).Select(s => s.Prodi!).Distinct().OrderBy(p => p).ToListAsync(ct);

    public static IQueryable<Student> Filter(IQueryable<Student> students, string? q)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return students;
        var like = EscapeLike(text);
        var nimPrefix = EscapeLike(text.ToUpperInvariant()) + "%";
        return students.Where(s => EF.Functions.Like(s.Nim, nimPrefix) || EF.Functions.ILike(s.Nama, "%" + like + "%"));
    }

    public static StudentRecord ToRecord(Student s) => new(s.Nim, s.Nama, s.Prodi, s.Semester, s.Status, s.Email, s.Telepon, s.DiperbaruiPada);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

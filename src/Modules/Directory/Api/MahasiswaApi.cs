using System.Globalization;
using System.Text.Json;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Students;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Api;

/// <summary>
/// The student directory for the campus's SIAKAD: it writes students one by one or in batches (a key whose
/// role holds SyncDirectory) and reads them back (ViewDirectory). Refusals are problem details with a
/// message per field in Bahasa Indonesia and English; a refused batch stores nothing.
/// </summary>
public static class MahasiswaApi
{
    public const int MaxBatch = 1000;

    public sealed record MahasiswaDto(string Nim, string Nama, string? Prodi, int? Semester, string Status, string? Email, string? Telepon, DateTimeOffset DiperbaruiPada, string Sumber);
    /// <param name="Status">aktif, cuti, lulus or keluar.</param>
    /// <param name="Semester">1 to 14.</param>
    /// <param name="Telepon">An Indonesian number: 0812…, 62812… or +62812….</param>
    public sealed record MahasiswaInput(string Nama, string? Prodi, int? Semester, string Status, string? Email, string? Telepon);
    public sealed record MahasiswaBatchItem(string Nim, string Nama, string? Prodi, int? Semester, string Status, string? Email, string? Telepon);
    /// <param name="Mahasiswa">Up to 1000 students; each NIM at most once.</param>
    public sealed record BatchRequest(IReadOnlyList<MahasiswaBatchItem> Mahasiswa);
    public sealed record BatchResult(int Diterima, int Baru, int Diperbarui);
    public sealed record PesanDto(string Id, string En);
    /// <summary>One refused field: its name (mahasiswa[i].field in a batch), a stable code (wajib, format, pilihan, rentang, panjang, ganda, jenis) and the message in both languages.</summary>
    public sealed record KesalahanDto(string Isian, string Kode, PesanDto Pesan);
    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapMahasiswaApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/mahasiswa").WithTags("Mahasiswa");
        api.MapGet("", ListAsync).WithName("ListStudents")
            .WithSummary("Mencari mahasiswa: awalan NIM atau bagian nama (q), status; halaman dengan page dan pageSize (maks. 100)")
            .RequirePermission(Permissions.ViewDirectory);
        api.MapGet("/{nim}", GetAsync).WithName("GetStudent").WithSummary("Satu mahasiswa dengan statusnya").RequirePermission(Permissions.ViewDirectory);
        api.MapPut("/{nim}", PutAsync).WithName("PutStudent").Accepts<MahasiswaInput>("application/json")
            .WithSummary("Menyimpan satu mahasiswa dari SIAKAD (baru: 201, diperbarui: 200)")
            .RequirePermission(Permissions.SyncDirectory);
        api.MapPost("", BatchAsync).WithName("PostStudents").Accepts<BatchRequest>("application/json")
            .WithSummary("Menyimpan sampai 1000 mahasiswa sekaligus; bila satu saja ditolak, tidak ada yang disimpan")
            .RequirePermission(Permissions.SyncDirectory);
        return endpoints;
    }

    private static async Task<Results<Ok<Paged<MahasiswaDto>>, ProblemHttpResult>> ListAsync(DirectoryDb db, IStringLocalizer<S> T,
        string? q = null, string? status = null, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > 100)
            return TypedResults.Problem(statusCode: 400, title: T["Parameter halaman tidak valid."], detail: T["page minimal 1; pageSize antara 1 dan 100."]);
        var query = StudentDirectory.Filter(db.Students.AsNoTracking(), q);
        if (!string.IsNullOrWhiteSpace(status)) query = query.Where(s => s.Status == status.Trim().ToLowerInvariant());
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.Nama).ThenBy(s => s.Nim).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<MahasiswaDto>(items.Select(ToDto).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<MahasiswaDto>, ProblemHttpResult>> GetAsync(string nim, DirectoryDb db, IStringLocalizer<S> T, CancellationToken ct)
    {
        var key = StudentRules.NormalizeNim(nim);
        var found = key is null ? null : await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Nim == key, ct);
        return found is null ? TypedResults.Problem(statusCode: 404, title: T["Mahasiswa tidak ditemukan."]) : TypedResults.Ok(ToDto(found));
    }

    private static async Task<Results<Created<MahasiswaDto>, Ok<MahasiswaDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string nim, HttpRequest request, StudentStore store, IStringLocalizer<S> T, TimeProvider clock, CancellationToken ct)
    {
        if (await ReadAsync(request, ct) is not { ValueKind: JsonValueKind.Object } body) return NotJson(T);
        var (input, wrongType) = StudentJson.Read(body, nim);
        var (student, errors) = StudentRules.Check(input, T, Sumber.Api, clock.GetUtcNow());
        var problems = Problems("", wrongType, errors, T);
        if (problems.Count > 0) return Refused(problems, T["Data mahasiswa belum dapat disimpan."]);
        var count = await store.UpsertAsync([student!], ct);
        return count.Baru == 1 ? TypedResults.Created((string?)null, ToDto(student!)) : TypedResults.Ok(ToDto(student!));
    }

    private static async Task<Results<Ok<BatchResult>, ValidationProblem, ProblemHttpResult>> BatchAsync(
        HttpRequest request, StudentStore store, IStringLocalizer<S> T, TimeProvider clock, CancellationToken ct)
    {
        if (await ReadAsync(request, ct) is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("mahasiswa", out var list) || list.ValueKind != JsonValueKind.Array)
            return TypedResults.Problem(statusCode: 400, title: T["Isi permintaan harus berupa objek JSON dengan daftar \"mahasiswa\"."]);
        if (list.GetArrayLength() is 0 or > MaxBatch)
            return TypedResults.Problem(statusCode: 400, title: T["Kirim 1 sampai 1000 mahasiswa per permintaan."]);

        var now = clock.GetUtcNow();
        var students = new List<Student>();
        var problems = new List<KesalahanDto>();
        var seen = new HashSet<string>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var prefix = $"mahasiswa[{i++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(prefix.TrimEnd('.'), "jenis", Both(T["Setiap mahasiswa harus berupa objek JSON."], T)));
                continue;
            }
            var (input, wrongType) = StudentJson.Read(item);
            var (student, errors) = StudentRules.Check(input, T, Sumber.Api, now);
            if (student is not null && !seen.Add(student.Nim)) errors.Add(new FieldError("nim", "ganda", T["NIM ini muncul lebih dari sekali dalam permintaan."]));
            problems.AddRange(Problems(prefix, wrongType, errors, T));
            if (student is not null && errors.Count == 0 && wrongType.Count == 0) students.Add(student);
        }
        if (problems.Count > 0) return Refused(problems, T["Tidak ada mahasiswa yang disimpan: perbaiki isian yang ditolak lalu kirim lagi."]);
        var count = await store.UpsertAsync(students, ct);
        return TypedResults.Ok(new BatchResult(students.Count, count.Baru, count.Diperbarui));
    }

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotJson(IStringLocalizer<S> T) =>
        TypedResults.Problem(statusCode: 400, title: T["Isi permintaan harus berupa objek JSON mahasiswa."]);

    private static List<KesalahanDto> Problems(string prefix, List<string> wrongType, List<FieldError> errors, IStringLocalizer<S> T) =>
        wrongType.Select(f => new KesalahanDto(prefix + f, "jenis", Both(T["Isian ini harus berupa teks atau angka."], T)))
            .Concat(errors.Where(e => !wrongType.Contains(e.Kolom)).Select(e => new KesalahanDto(prefix + e.Kolom, e.Kode, Both(e.Pesan, T))))
            .ToList();

    private static ValidationProblem Refused(List<KesalahanDto> problems, string title)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var errors = problems.GroupBy(p => p.Isian).ToDictionary(g => g.Key, g => g.Select(p => english ? p.Pesan.En : p.Pesan.Id).ToArray());
        return TypedResults.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?> { ["kesalahan"] = problems });
    }

    /// <summary>The message in both languages: its key is the Indonesian text; English is looked up under the English culture.</summary>
    private static PesanDto Both(LocalizedString message, IStringLocalizer<S> T)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try { return new PesanDto(message.Name, T[message.Name].Value); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private static readonly CultureInfo English = new("en");

    private static MahasiswaDto ToDto(Student s) => new(s.Nim, s.Nama, s.Prodi, s.Semester, s.Status, s.Email, s.Telepon, s.DiperbaruiPada, s.Sumber);
}

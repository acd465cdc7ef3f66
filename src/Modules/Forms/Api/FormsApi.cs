using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CampusKonseling.Forms.Api;

/// <summary>
/// Forms for campus systems: list the forms, read one form's fields, and send a request on a
/// student's behalf (SIAKAD, a mobile app) with an API key whose role holds SubmitForms.
/// The same checks as the public form apply; answers are never echoed back.
/// </summary>
public static class FormsApi
{
    public sealed record FormSummaryDto(string Kode, string Judul, int Versi);
    public sealed record IsianDto(string Id, string Jenis, string Label, bool Wajib, IReadOnlyList<string> Pilihan);
    public sealed record FormDto(string Kode, string Judul, string? Deskripsi, int Versi, string? Sop, IReadOnlyList<IsianDto> Isian);
    /// <param name="Jawaban">Answers by field id: a string, or an array of strings for pilihanGanda.</param>
    /// <param name="KunciKirim">Optional idempotency key: sending again with the same key returns the first request.</param>
    public sealed record KirimanRequest(Dictionary<string, JsonElement>? Jawaban, Guid? KunciKirim);
    public sealed record KirimanDto(string KodePelacakan, string? Sop, string? LangkahBerikutnya, string? WaktuBaku);

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/formulir").WithTags("Formulir");
        api.MapGet("", ListAsync).WithName("ListForms").WithSummary("Daftar formulir permohonan kampus");
        api.MapGet("/{kode}", GetAsync).WithName("GetForm").WithSummary("Satu formulir dengan isiannya (versi aktif)");
        api.MapPost("/{kode}/kiriman", SubmitAsync).WithName("SubmitForm")
            .WithSummary("Mengirim permohonan atas nama mahasiswa; memulai SOP formulir dan mengirim tanda terima ke e-mail pemohon")
            .RequirePermission(Permissions.SubmitForms);
        return endpoints;
    }

    private static async Task<Ok<List<FormSummaryDto>>> ListAsync(FormsDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Forms.AsNoTracking().OrderBy(f => f.Judul).Select(f => new FormSummaryDto(f.Kode, f.Judul, f.VersiAktif)).ToListAsync(ct));

    private static async Task<Results<Ok<FormDto>, ProblemHttpResult>> GetAsync(string kode, FormCatalog catalog, IStringLocalizer<S> T, CancellationToken ct)
    {
        if (await catalog.CurrentAsync(kode, ct) is not { } form) return TypedResults.Problem(statusCode: 404, title: T["Formulir tidak ditemukan."]);
        var f = form.Form;
        return TypedResults.Ok(new FormDto(f.Kode, f.Judul, f.Deskripsi, form.Versi, f.Sop,
            f.Isian.Where(i => JenisIsian.TakesAnswer(i.Jenis)).Select(i => new IsianDto(i.Id, i.Jenis, i.Label, i.Wajib, i.Pilihan)).ToList()));
    }

    private static async Task<Results<Created<KirimanDto>, Ok<KirimanDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string kode, KirimanRequest request, FormCatalog catalog, SubmissionService submissions, IStringLocalizer<S> T, CancellationToken ct)
    {
        if (await catalog.CurrentAsync(kode, ct) is not { } form) return TypedResults.Problem(statusCode: 404, title: T["Formulir tidak ditemukan."]);
        var jawaban = request.Jawaban ?? [];
        var errors = new Dictionary<string, string[]>();
        foreach (var (id, value) in jawaban)
        {
            if (form.Form.Find(id) is not { } field || !JenisIsian.TakesAnswer(field.Jenis))
                errors[id] = [T["Isian ini tidak ada di formulir."]];
            else if (field.Jenis == JenisIsian.Berkas)
                errors[id] = [T["Berkas hanya dapat dilampirkan lewat formulir di situs kampus."]];
            else if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.Array or JsonValueKind.Null)
                     || value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                errors[id] = [T["Jawaban harus berupa teks atau daftar teks."]];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: T["Permohonan belum dapat dikirim."]);

        var answers = Answers.Read(form.Form, name => Posted(jawaban, name), T);
        if (!answers.IsValid)
            return TypedResults.ValidationProblem(answers.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: T["Permohonan belum dapat dikirim."]);

        var accepted = await submissions.SubmitAsync(form, answers, request.KunciKirim ?? Guid.NewGuid(), ct);
        var dto = new KirimanDto(accepted.KodePelacakan, accepted.Langkah?.Judul, accepted.Langkah?.LangkahPertama, accepted.Langkah?.Waktu);
        return accepted.Again ? TypedResults.Ok(dto) : TypedResults.Created((string?)null, dto);
    }

    private static StringValues Posted(Dictionary<string, JsonElement> jawaban, string name)
    {
        if (!name.StartsWith(Answers.FieldPrefix, StringComparison.Ordinal) || !jawaban.TryGetValue(name[Answers.FieldPrefix.Length..], out var value)) return StringValues.Empty;
        return value.ValueKind switch
        {
            JsonValueKind.Array => new StringValues(value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray()),
            JsonValueKind.String => new StringValues(value.GetString()),
            JsonValueKind.Number => new StringValues(value.GetRawText()),
            JsonValueKind.True => new StringValues("ya"),
            _ => StringValues.Empty,
        };
    }
}

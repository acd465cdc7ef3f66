using System.Globalization;
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
using Microsoft.Extensions.Logging;
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
    /// <param name="Jawaban">Answers by field id: a string, an array of strings for pilihanGanda, true/false for persetujuan.</param>
    /// <param name="KunciKirim">Optional idempotency key: sending again with the same key returns the first request.</param>
    public sealed record KirimanRequest(Dictionary<string, JsonElement>? Jawaban, Guid? KunciKirim);
    public sealed record PesanDto(string Id, string En);
    /// <summary>One refused answer: the field, a stable code (wajib, format, pilihan, rentang, panjang, persetujuan, berkas, jenis, tidakDikenal) and the message in both languages.</summary>
    public sealed record KesalahanDto(string Isian, string Kode, PesanDto Pesan);
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
        TypedResults.Ok(await db.Forms.AsNoTracking().Where(f => f.VersiAktif > 0).OrderBy(f => f.Judul).Select(f => new FormSummaryDto(f.Kode, f.Judul, f.VersiAktif)).ToListAsync(ct));

    private static async Task<Results<Ok<FormDto>, ProblemHttpResult>> GetAsync(string kode, FormCatalog catalog, IStringLocalizer<S> T, CancellationToken ct)
    {
        if (await catalog.CurrentAsync(kode, ct) is not { } form) return TypedResults.Problem(statusCode: 404, title: T["Formulir tidak ditemukan."]);
        var f = form.Form;
        return TypedResults.Ok(new FormDto(f.Kode, f.Judul, f.Deskripsi, form.Versi, f.Sop,
            f.Isian.Where(i => JenisIsian.TakesAnswer(i.Jenis)).Select(i => new IsianDto(i.Id, i.Jenis, i.Label, i.Wajib, i.Pilihan)).ToList()));
    }

    private static async Task<Results<Created<KirimanDto>, Ok<KirimanDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string kode, KirimanRequest request, FormCatalog catalog, SubmissionService submissions, IStringLocalizer<S> T, ILogger<KirimanRequest> logger, CancellationToken ct)
    {
        if (await catalog.CurrentAsync(kode, ct) is not { } form) return TypedResults.Problem(statusCode: 404, title: T["Formulir tidak ditemukan."]);
        var jawaban = request.Jawaban ?? [];
        var problems = new List<KesalahanDto>();
        foreach (var (id, value) in jawaban)
        {
            if (form.Form.Find(id) is not { } field || !JenisIsian.TakesAnswer(field.Jenis))
                problems.Add(new(id, "tidakDikenal", InBoth(() => T["Isian ini tidak ada di formulir."])));
            else if (field.Jenis == JenisIsian.Berkas)
                problems.Add(new(id, "berkas", InBoth(() => T["Berkas hanya dapat dilampirkan lewat formulir di situs kampus."])));
            else if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Array or JsonValueKind.Null)
                     || value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                problems.Add(new(id, "jenis", InBoth(() => T["Jawaban harus berupa teks atau daftar teks."])));
        }
        // The same checks as the public form; a refusal is read again in English so the client gets both languages.
        var answers = problems.Count == 0 ? InCulture(Indonesian, () => Answers.Read(form.Form, name => Posted(jawaban, name), T)) : null;
        if (answers is { IsValid: false })
        {
            var en = InCulture(English, () => Answers.Read(form.Form, name => Posted(jawaban, name), T));
            problems.AddRange(answers.Errors.Select(e => new KesalahanDto(e.Key, answers.Codes[e.Key], new(e.Value, en.Errors.GetValueOrDefault(e.Key, e.Value)))));
        }
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(
                problems.ToDictionary(p => p.Isian, p => new[] { CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? p.Pesan.En : p.Pesan.Id }),
                title: T["Permohonan belum dapat dikirim."], extensions: new Dictionary<string, object?> { ["kesalahan"] = problems });

        Intake.Accepted accepted;
        try
        {
            accepted = await submissions.SubmitAsync(form, answers!, request.KunciKirim ?? Guid.NewGuid(), ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or TimeoutException)
        {
            // Nothing is half-saved (one transaction); the client retries with the same kunciKirim.
            logger.LogError(ex, "API request on form {Form} could not be stored", kode);
            return TypedResults.Problem(statusCode: 503, title: T["Permohonan belum tersimpan karena gangguan sistem. Kirim lagi dengan kunciKirim yang sama."]);
        }
        var dto = new KirimanDto(accepted.KodePelacakan, accepted.Langkah?.Judul, accepted.Langkah?.LangkahPertama, accepted.Langkah?.Waktu);
        return accepted.Again ? TypedResults.Ok(dto) : TypedResults.Created((string?)null, dto);
    }

    private static readonly CultureInfo Indonesian = new("id-ID"), English = new("en");

    private static T InCulture<T>(CultureInfo culture, Func<T> work)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try { return work(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private static PesanDto InBoth(Func<string> message) => new(InCulture(Indonesian, message), InCulture(English, message));

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

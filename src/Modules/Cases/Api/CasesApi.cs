using System.Net.Mail;
using CampusKonseling.Cases.Data;
using CampusKonseling.Data;
using CampusKonseling.Security;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Api;

/// <summary>
/// Cases for campus systems: an academic-advisor system refers a student (opening a case in the campus's
/// referral SOP), and reads where a case it opened stands. Administrative data only — never notes.
/// </summary>
public static class CasesApi
{
    /// <param name="Alasan">Why the student is referred, in the referrer's words; stored as an encrypted counseling note.</param>
    public sealed record RujukanRequest(string? Nama, string? Nim, string? Email, string? Telepon, string? JenisKlien, string? Perujuk, string? Sop, string? Bidang, string? Alasan);
    public sealed record KasusDto(string Nomor, string Status, string? Sop, string? LangkahSekarang, DateTimeOffset? JatuhTempo, bool Terlambat, string? Konselor, DateTimeOffset DibukaPada);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/kasus").WithTags("Kasus");
        api.MapPost("/rujukan", ReferAsync).WithName("ReferStudent")
            .WithSummary("Merujuk mahasiswa ke layanan konseling (mis. dari sistem dosen PA); membuka kasus pada langkah pertama SOP rujukan")
            .RequirePermission(Permissions.ReferCases);
        api.MapGet("/{nomor}", GetAsync).WithName("GetCase")
            .WithSummary("Status administratif satu kasus (tanpa catatan)").RequirePermission(Permissions.ViewCases);
        return endpoints;
    }

    private static async Task<Results<Created<KasusDto>, ValidationProblem>> ReferAsync(
        RujukanRequest r, TenantDbConnection connection, ISopLauncher sops, ICaseIntake cases, CasesDb db, IStringLocalizer<S> T, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Nama)) errors["nama"] = [T["Nama klien wajib diisi."]];
        if (string.IsNullOrWhiteSpace(r.Perujuk)) errors["perujuk"] = [T["Sebutkan siapa yang merujuk (mis. dosen PA, tutor sebaya, unit lain)."]];
        if (!string.IsNullOrWhiteSpace(r.Email) && !MailAddress.TryCreate(r.Email.Trim(), out _)) errors["email"] = [T["Alamat e-mail tidak valid."]];
        var known = await sops.ListAsync(ct);
        if (known.All(s => s.Kode != r.Sop)) errors["sop"] = [T["SOP '{0}' tidak ada. Yang tersedia: {1}.", r.Sop ?? "", string.Join(", ", known.Select(s => s.Kode))]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: T["Rujukan belum dapat diterima."]);

        await connection.Connection.OpenAsync(ct);
        SopLaunch launch;
        Guid id;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            launch = await sops.StartAsync(r.Sop!, T["Kasus {0}", "Rujukan"], new Dictionary<string, string> { ["saluran"] = "Rujukan" }, tx, ct);
            (id, _) = await cases.OpenAsync(new CaseOpening(CaseSources.Rujukan, r.Nama!.Trim(), Trim(r.Email), Trim(r.Telepon), Trim(r.Nim), Trim(r.JenisKlien),
                "Rujukan", Trim(r.Bidang), null, Trim(r.Alasan), null, launch.InstanceId, r.Sop, null, Trim(r.Perujuk)), tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        return TypedResults.Created($"api/v1/kasus/{row.Nomor}", Dto(row));
    }

    private static async Task<Results<Ok<KasusDto>, ProblemHttpResult>> GetAsync(string nomor, CasesDb db, IStringLocalizer<S> T, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Nomor == nomor, ct) is { } row
            ? TypedResults.Ok(Dto(row))
            : TypedResults.Problem(statusCode: 404, title: T["Kasus tidak ditemukan."]);

    private static KasusDto Dto(CaseRow c) => new(c.Nomor, c.Status, c.SopJudul, c.LangkahAktif.Length > 0 ? c.LangkahAktif : null, c.JatuhTempo, c.Terlambat, c.KonselorNama, c.DibukaPada);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

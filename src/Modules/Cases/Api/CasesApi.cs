using System.Security.Claims;
using CampusKonseling.Cases.Intake;
using CampusKonseling.Cases.Data;
using CampusKonseling.Users;
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
    /// <param name="PerujukEmail">The referring advisor's account (who holds ReferCases): the SOP's dosen PA lane is then that person.</param>
    /// <param name="Sop">The SOP to run; empty: the campus's one SOP that takes referrals.</param>
    public sealed record RujukanRequest(string? Nama, string? Nim, string? Email, string? Telepon, string? JenisKlien, string? Perujuk, string? Sop, string? Bidang, string? Alasan,
        string? PerujukEmail = null, string? Prodi = null);
    public sealed record KasusDto(string Nomor, string Status, string? Sop, string? LangkahSekarang, DateTimeOffset? JatuhTempo, bool Terlambat, string? Konselor, DateTimeOffset DibukaPada);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/kasus").WithTags("Kasus");
        api.MapPost("/rujukan", ReferAsync).WithName("ReferStudent")
            .WithSummary("Merujuk mahasiswa ke layanan konseling (mis. dari sistem dosen PA); membuka kasus pada pintu rujukan SOP rujukan kampus")
            .RequirePermission(Permissions.ReferCases);
        api.MapGet("/{nomor}", GetAsync).WithName("GetCase")
            .WithSummary("Status administratif satu kasus (tanpa catatan)").RequirePermission(Permissions.ViewCases);
        return endpoints;
    }

    private static async Task<Results<Created<KasusDto>, ValidationProblem>> ReferAsync(
        RujukanRequest r, ClaimsPrincipal user, StudentReferrals referrals, IUserDirectory directory, CasesDb db, IStringLocalizer<S> T, CancellationToken ct)
    {
        var referrer = await ReferrerAsync(r, user, directory, ct);
        if (referrer is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["perujukEmail"] = [T["Tidak ada pengguna yang boleh merujuk dengan e-mail {0}.", r.PerujukEmail!.Trim()].Value] },
                title: T["Rujukan belum dapat diterima."]);
        var outcome = await referrals.ReferAsync(new StudentReferral(r.Nama, r.Nim, r.Email, r.Telepon, r.Prodi, r.Bidang, r.Alasan, r.Sop, r.JenisKlien), referrer, ct);
        if (!outcome.Opened)
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: T["Rujukan belum dapat diterima."]);
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == outcome.Id, ct);
        return TypedResults.Created($"api/v1/kasus/{row.Nomor}", Dto(row));
    }

    /// <summary>
    /// The referring advisor: the signed-in person, or the one an advisor system names by e-mail (who must be allowed to refer),
    /// else only the name the system gives. Null when a named e-mail is nobody who may refer.
    /// </summary>
    private static async Task<Perujuk?> ReferrerAsync(RujukanRequest r, ClaimsPrincipal user, IUserDirectory directory, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null && !id.StartsWith("apikey:", StringComparison.Ordinal))
            return new Perujuk(id, user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? r.Perujuk ?? "");
        if (string.IsNullOrWhiteSpace(r.PerujukEmail)) return new Perujuk(null, r.Perujuk ?? "");
        var named = (await directory.UsersWithPermissionAsync(Permissions.ReferCases, ct))
            .FirstOrDefault(u => string.Equals(u.Email, r.PerujukEmail.Trim(), StringComparison.OrdinalIgnoreCase));
        return named is null ? null : new Perujuk(named.Id, named.Nama);
    }

    private static async Task<Results<Ok<KasusDto>, ProblemHttpResult>> GetAsync(string nomor, CasesDb db, IStringLocalizer<S> T, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Nomor == nomor, ct) is { } row
            ? TypedResults.Ok(Dto(row))
            : TypedResults.Problem(statusCode: 404, title: T["Kasus tidak ditemukan."]);

    private static KasusDto Dto(CaseRow c) => new(c.Nomor, c.Status, c.SopJudul, c.LangkahAktif.Length > 0 ? c.LangkahAktif : null, c.JatuhTempo, c.Terlambat, c.KonselorNama, c.DibukaPada);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

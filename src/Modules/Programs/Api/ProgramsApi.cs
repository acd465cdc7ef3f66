using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Api;

/// <summary>
/// Programs for campus systems: the upcoming programs a portal or app may show (public, as on the campus site), and
/// the programs' figures for leaders' reports (counts only) with a key whose role holds ViewPrograms.
/// </summary>
public static class ProgramsApi
{
    /// <param name="Pendaftaran">The public page where students register.</param>
    public sealed record ProgramDto(Guid Id, string Judul, string Jenis, string? Tema, string? Narasumber, DateTimeOffset Mulai, DateTimeOffset Selesai,
        string? Tempat, int? Kapasitas, int? SisaKursi, bool PendaftaranDibuka, string? Pendaftaran);

    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/program").WithTags("Program");
        api.MapGet("", UpcomingAsync).WithName("ListUpcomingPrograms").WithSummary("Program yang akan datang (seperti di situs kampus), paling awal lebih dulu");
        api.MapGet("/angka", FiguresAsync).WithName("ProgramFigures")
            .WithSummary("Angka program yang mulai dalam [dari, sampai): terdaftar, daftar tunggu, hadir, evaluasi, rujukan — tanpa nama peserta")
            .RequirePermission(Permissions.ViewPrograms);
        return endpoints;
    }

    private static async Task<Ok<List<ProgramDto>>> UpcomingAsync(ProgramCatalog catalog, ProgramsDb db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var programs = await catalog.UpcomingAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var taken = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.ProgramId) && x.Status == StatusPeserta.Terdaftar)
            .GroupBy(x => x.ProgramId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(programs.Select(p => new ProgramDto(p.Id, p.Judul, p.Jenis, p.Tema, p.Narasumber, p.Mulai!.Value, p.Selesai!.Value, p.Tempat,
            p.Kapasitas, p.Kapasitas is { } k ? Math.Max(0, k - taken.GetValueOrDefault(p.Id)) : null, ProgramRules.RegistrationOpen(p, now), links.Absolute($"program/{p.Id}"))).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ProgramFigures>>, ValidationProblem>> FiguresAsync(DateTimeOffset? dari, DateTimeOffset? sampai, IProgramReport report,
        IStringLocalizer<S> T, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (dari is null) errors["dari"] = [T["Isi awal periode (dari), mis. 2026-08-01T00:00:00+07:00."]];
        if (sampai is null) errors["sampai"] = [T["Isi akhir periode (sampai), mis. 2027-01-31T00:00:00+07:00."]];
        else if (dari is not null && sampai <= dari) errors["sampai"] = [T["Akhir periode harus setelah awalnya."]];
        else if (dari is not null && sampai - dari > TimeSpan.FromDays(731)) errors["sampai"] = [T["Periode paling panjang dua tahun."]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: T["Periode tidak valid."]);
        return TypedResults.Ok(await report.ProgramsAsync(dari!.Value, sampai!.Value, ct));
    }
}
